#include "AlarmNotifier.h"

#include <gtest/gtest.h>

using otp::models::AlarmNotifier;

// Issue 13 item 4: a tray notification once per newly raised alarm. The decision, without a tray.
TEST(AlarmNotifierTest, AnnouncesEachAlarmRaisedSinceTheStartOnce)
{
    const qint64 start = 1'800'000'000'000;
    AlarmNotifier notifier(start);
    const AlarmNotifier::Alarm before{1, start - 60000, QStringLiteral("gupshup success 12 % over 15 min (below 50 %)")};
    const AlarmNotifier::Alarm raised{2, start + 5000, QStringLiteral("default: 40 deliveries queued (above 20)")};
    const AlarmNotifier::Alarm later{3, start + 9000, QStringLiteral("wati p95 latency 9000 ms over 15 min (above 5000 ms)")};

    EXPECT_TRUE(notifier.toAnnounce({before}).isEmpty()) << "already active at the start: the banner shows it";
    const auto first = notifier.toAnnounce({before, raised});
    ASSERT_EQ(first.size(), 1);
    EXPECT_EQ(first.first().id, 2);
    EXPECT_TRUE(notifier.toAnnounce({before, raised}).isEmpty()) << "the next refresh sees it again: not announced twice";
    const auto second = notifier.toAnnounce({raised, later});
    ASSERT_EQ(second.size(), 1);
    EXPECT_EQ(second.first().id, 3);
    // Cleared and raised again: a new row, a new id, a new announcement.
    const AlarmNotifier::Alarm again{4, start + 20000, raised.words};
    EXPECT_EQ(notifier.toAnnounce({again}).size(), 1);
    EXPECT_EQ(notifier.announcedCount(), 3);
}
