#include <QCoreApplication>
#include <QLoggingCategory>
#ifdef OTP_TESTS_NEED_GUI
#include <QGuiApplication>
#endif
#include <gtest/gtest.h>

#include <cstdio>

// One Qt application object for the whole test binary (QtSql and QtNetwork need one).
int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    // The `galera` label (tests/galera) runs suites with OTP_TEST_ENGINE=galera: without the cluster of
    // .ci/galera-cluster the run says it skipped, and why (CTest reads "[  SKIPPED ]"), instead of failing.
    if (!::testing::GTEST_FLAG(list_tests) &&
        qEnvironmentVariable("OTP_TEST_ENGINE").trimmed().toLower() == QLatin1String("galera") &&
        qEnvironmentVariable("OTP_TEST_GALERA_URLS").trimmed().isEmpty()) {
        std::printf("[  SKIPPED ] OTP_TEST_GALERA_URLS is unset: start the cluster with eval \"$(.ci/galera-cluster)\"\n");
        return 0;
    }
#ifdef OTP_TESTS_NEED_GUI
    QGuiApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QLoggingCategory::setFilterRules(QStringLiteral("otp.*.info=false"));
    return RUN_ALL_TESTS();
}
