<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>StatusText</name>
    <message numerus="yes">
        <source>Wrong code; %n attempt(s) left.</source>
        <translation>
            <numerusform>Wrong code; %n attempt left.</numerusform>
            <numerusform>Wrong code; %n attempts left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::models::CsvExport</name>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>%n row written to %1</numerusform>
            <numerusform>%n rows written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::models::TimelineModel</name>
    <message numerus="yes">
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>%n attempt left</numerusform>
            <numerusform>%n attempts left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>now: %1 · %2 of %3 attempts used · sent %n time(s)</source>
        <translation>
            <numerusform>now: %1 · %2 of %3 attempts used · sent once</numerusform>
            <numerusform>now: %1 · %2 of %3 attempts used · sent %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::ui::DashboardPage</name>
    <message numerus="yes">
        <source>%1, code %2: %n failed send(s).
%3
Click: these sends in Live sends.</source>
        <translation>
            <numerusform>%1, code %2: %n failed send.
%3
Click: this send in Live sends.</numerusform>
            <numerusform>%1, code %2: %n failed sends.
%3
Click: these sends in Live sends.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::ui::MainWindow</name>
    <message numerus="yes">
        <source>Alarm: %1</source>
        <translation>
            <numerusform>Alarm: %1</numerusform>
            <numerusform>Alarms: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n row(s)…</source>
        <translation>
            <numerusform>Exporting %n row…</numerusform>
            <numerusform>Exporting %n rows…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::ui::ManualSendPage</name>
    <message numerus="yes">
        <source>&lt;br&gt;%n attempt(s) to enter it.</source>
        <translation>
            <numerusform>&lt;br&gt;%n attempt to enter it.</numerusform>
            <numerusform>&lt;br&gt;%n attempts to enter it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::ui::PhoneLookupPage</name>
    <message numerus="yes">
        <source> · %n attempt(s) left</source>
        <translation>
            <numerusform> · %n attempt left</numerusform>
            <numerusform> · %n attempts left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::ui::TemplatesEditor</name>
    <message numerus="yes">
        <source>Preview (sample code %1, %n minute(s))</source>
        <translation>
            <numerusform>Preview (sample code %1, %n minute)</numerusform>
            <numerusform>Preview (sample code %1, %n minutes)</numerusform>
        </translation>
    </message>
</context>
</TS>
