#include <QCoreApplication>
#include <QLoggingCategory>
#ifdef OTP_TESTS_NEED_GUI
#include <QGuiApplication>
#endif
#include <gtest/gtest.h>

// One Qt application object for the whole test binary (QtSql and QtNetwork need one).
int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
#ifdef OTP_TESTS_NEED_GUI
    QGuiApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QLoggingCategory::setFilterRules(QStringLiteral("otp.*.info=false"));
    return RUN_ALL_TESTS();
}
