<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi">
<context>
    <name>Permissions</name>
    <message>
        <source>admin</source>
        <comment>role</comment>
        <translation>एडमिन</translation>
    </message>
    <message>
        <source>support</source>
        <comment>role</comment>
        <translation>सपोर्ट</translation>
    </message>
    <message>
        <source>QA</source>
        <comment>role</comment>
        <translation>क्यूए</translation>
    </message>
    <message>
        <source>command line</source>
        <comment>role of an otpctl user</comment>
        <translation>कमांड लाइन</translation>
    </message>
    <message>
        <source>API</source>
        <comment>role of an otpd client</comment>
        <translation>एपीआई</translation>
    </message>
    <message>
        <source>system</source>
        <comment>role of automatic changes</comment>
        <translation>सिस्टम</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>there is no connection profile named &apos;%1&apos;</source>
        <translation>&apos;%1&apos; नाम की कोई कनेक्शन प्रोफ़ाइल नहीं है</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>delivered, code not entered yet</source>
        <translation>पहुँचा, कोड अभी दर्ज नहीं</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>सत्यापित</translation>
    </message>
    <message>
        <source>expired unused</source>
        <translation>बिना उपयोग समाप्त</translation>
    </message>
    <message>
        <source>delivery failed</source>
        <translation>डिलीवरी विफल</translation>
    </message>
    <message>
        <source>locked: too many wrong codes</source>
        <translation>लॉक: बहुत अधिक गलत कोड</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>replaced by a newer code</source>
        <translation>नए कोड से बदला गया</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>भेजा जा रहा है</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>एसएमएस</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>व्हाट्सऐप</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>login</source>
        <translation>लॉगिन</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>पंजीकरण</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>पासवर्ड रीसेट</translation>
    </message>
    <message>
        <source>sign-up</source>
        <translation>साइन-अप</translation>
    </message>
    <message>
        <source>too many wrong codes</source>
        <translation>बहुत अधिक गलत कोड</translation>
    </message>
    <message>
        <source>too many codes requested</source>
        <translation>बहुत अधिक कोड माँगे गए</translation>
    </message>
    <message>
        <source>locked by an operator</source>
        <translation>ऑपरेटर द्वारा लॉक</translation>
    </message>
    <message>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <source>waiting to be handed to %1</source>
        <translation>%1 को सौंपे जाने की प्रतीक्षा</translation>
    </message>
    <message>
        <source>waiting for %1 to answer</source>
        <translation>%1 के उत्तर की प्रतीक्षा</translation>
    </message>
    <message>
        <source>accepted%1</source>
        <translation>स्वीकृत%1</translation>
    </message>
    <message>
        <source>no answer in time%1</source>
        <translation>समय पर उत्तर नहीं%1</translation>
    </message>
    <message>
        <source>refused%1: %2</source>
        <translation>अस्वीकृत%1: %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 से.</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 मि. %2 से.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 मि.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 घं. %2 मि.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Code sent through %1.</source>
        <translation>कोड %1 के ज़रिए भेजा गया।</translation>
    </message>
    <message>
        <source>Code sent.</source>
        <translation>कोड भेजा गया।</translation>
    </message>
    <message>
        <source>Queued: the outbox delivers it in a moment.</source>
        <translation>कतार में: आउटबॉक्स इसे कुछ ही पल में भेज देगा।</translation>
    </message>
    <message>
        <source>The code is correct.</source>
        <translation>कोड सही है।</translation>
    </message>
    <message numerus="yes">
        <source>Wrong code; %n attempt(s) left.</source>
        <translation>
            <numerusform>गलत कोड; %n प्रयास बाकी।</numerusform>
            <numerusform>गलत कोड; %n प्रयास बाकी।</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong code.</source>
        <translation>गलत कोड।</translation>
    </message>
    <message>
        <source>The code expired; a new one must be requested.</source>
        <translation>कोड की अवधि समाप्त हो गई; नया कोड माँगना होगा।</translation>
    </message>
    <message>
        <source>There is no usable code for this destination.</source>
        <translation>इस गंतव्य के लिए कोई उपयोग योग्य कोड नहीं है।</translation>
    </message>
    <message>
        <source>Locked after too many wrong codes.</source>
        <translation>बहुत अधिक गलत कोड के कारण लॉक है।</translation>
    </message>
    <message>
        <source>Locked after too many wrong codes; unlocks in %1.</source>
        <translation>बहुत अधिक गलत कोड के कारण लॉक है; %1 में अनलॉक होगा।</translation>
    </message>
    <message>
        <source>A code was sent moments ago; the next one can go in %1.</source>
        <translation>अभी-अभी एक कोड भेजा गया है; अगला कोड %1 में भेजा जा सकता है।</translation>
    </message>
    <message>
        <source>Send limit reached.</source>
        <translation>भेजने की सीमा पूरी हो गई।</translation>
    </message>
    <message>
        <source>Send limit reached; the next code can go in %1.</source>
        <translation>भेजने की सीमा पूरी हो गई; अगला कोड %1 में भेजा जा सकता है।</translation>
    </message>
    <message>
        <source>This country is not allowed for the tenant.</source>
        <translation>इस टेनेंट के लिए यह देश अनुमत नहीं है।</translation>
    </message>
    <message>
        <source>Not a usable phone number or email.</source>
        <translation>उपयोग योग्य फ़ोन नंबर या ईमेल नहीं है।</translation>
    </message>
    <message>
        <source>Refused.</source>
        <translation>अस्वीकृत।</translation>
    </message>
    <message>
        <source>Delivery failed.</source>
        <translation>डिलीवरी विफल।</translation>
    </message>
    <message>
        <source>The code was cancelled.</source>
        <translation>कोड रद्द कर दिया गया।</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>अनलॉक हो गया।</translation>
    </message>
    <message>
        <source>It was not locked.</source>
        <translation>यह लॉक नहीं था।</translation>
    </message>
    <message>
        <source>A code can be sent now.</source>
        <translation>अब कोड भेजा जा सकता है।</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>हो गया।</translation>
    </message>
    <message>
        <source>Internal error.</source>
        <translation>आंतरिक त्रुटि।</translation>
    </message>
    <message>
        <source>The vendor did not confirm in time; the code works if it arrives and is not sent again.</source>
        <translation>विक्रेता ने समय पर पुष्टि नहीं की; कोड पहुँचे तो काम करेगा और दोबारा नहीं भेजा जाएगा।</translation>
    </message>
    <message>
        <source>code sent by hand</source>
        <translation>हाथ से कोड भेजा गया</translation>
    </message>
    <message>
        <source>code resent by hand</source>
        <translation>हाथ से कोड फिर भेजा गया</translation>
    </message>
    <message>
        <source>code entered by hand</source>
        <translation>हाथ से कोड दर्ज किया गया</translation>
    </message>
    <message>
        <source>code cancelled</source>
        <translation>कोड रद्द किया गया</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>अनलॉक किया गया</translation>
    </message>
    <message>
        <source>profile edited</source>
        <translation>प्रोफ़ाइल बदली गई</translation>
    </message>
    <message>
        <source>policy changed</source>
        <translation>नीति बदली गई</translation>
    </message>
    <message>
        <source>vendor saved</source>
        <translation>विक्रेता सहेजा गया</translation>
    </message>
    <message>
        <source>vendor removed</source>
        <translation>विक्रेता हटाया गया</translation>
    </message>
    <message>
        <source>old rows cleaned up</source>
        <translation>पुरानी पंक्तियाँ साफ़ की गईं</translation>
    </message>
    <message>
        <source>credential changed</source>
        <translation>क्रेडेंशियल बदला गया</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>उद्देश्य</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>चैनल</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <source>lockouts released</source>
        <translation>लॉकआउट हटाए गए</translation>
    </message>
    <message>
        <source>values</source>
        <translation>मान</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the lockout</source>
        <translation>लॉकआउट</translation>
    </message>
    <message>
        <source>the cooldown between sends</source>
        <translation>दो भेजने के बीच का ठहराव</translation>
    </message>
    <message>
        <source>the hourly send cap</source>
        <translation>प्रति घंटा भेजने की सीमा</translation>
    </message>
    <message>
        <source>the daily send cap</source>
        <translation>दैनिक भेजने की सीमा</translation>
    </message>
    <message>
        <source>the burst cap on this number block (possible SMS pumping)</source>
        <translation>इस नंबर ब्लॉक पर अचानक भेजने की सीमा (संभावित SMS पंपिंग)</translation>
    </message>
    <message>
        <source>alarm acknowledged</source>
        <translation>अलार्म स्वीकार किया गया</translation>
    </message>
    <message>
        <source>vendor forced open</source>
        <translation>विक्रेता हाथ से रोका गया (ब्रेकर खुला)</translation>
    </message>
    <message>
        <source>vendor forced closed</source>
        <translation>विक्रेता हाथ से फिर चालू (ब्रेकर बंद)</translation>
    </message>
    <message>
        <source>vendor breaker opened</source>
        <translation>विक्रेता का ब्रेकर खुला</translation>
    </message>
    <message>
        <source>vendor breaker closed</source>
        <translation>विक्रेता का ब्रेकर बंद हुआ</translation>
    </message>
    <message>
        <source>%1 success %2 over %3 min (below %4)</source>
        <translation>%1 सफलता %2, पिछले %3 मिनट में (%4 से कम)</translation>
    </message>
    <message>
        <source>%1 p95 latency %2 over %3 min (above %4)</source>
        <translation>%1 p95 विलंब %2, पिछले %3 मिनट में (%4 से अधिक)</translation>
    </message>
    <message>
        <source>%1: %2 deliveries queued (above %3)</source>
        <translation>%1: %2 डिलीवरी कतार में (%3 से अधिक)</translation>
    </message>
    <message>
        <source>%1: %2 lockouts (above %3)</source>
        <translation>%1: %2 लॉकआउट (%3 से अधिक)</translation>
    </message>
    <message>
        <source>numbers %1…: %2 of codes verified over %3 min (below %4): SMS pumping?</source>
        <translation>नंबर %1…: पिछले %3 मिनट में %2 कोड सत्यापित (%4 से कम): SMS पंपिंग?</translation>
    </message>
    <message>
        <source>%1 %2: %3 (threshold %4)</source>
        <translation>%1 %2: %3 (सीमा %4)</translation>
    </message>
    <message>
        <source>open (forced)</source>
        <translation>खुला (हाथ से)</translation>
    </message>
    <message>
        <source>open: sends skip it</source>
        <translation>खुला: भेजना इसे छोड़ देता है</translation>
    </message>
    <message>
        <source>half-open: probing</source>
        <translation>आधा खुला: जाँच जारी</translation>
    </message>
    <message>
        <source>closed: in use</source>
        <translation>बंद: उपयोग में</translation>
    </message>
    <message>
        <source>Unlocked. Nothing else blocks the next code: it can be sent now.</source>
        <translation>अनलॉक हो गया। अगले कोड को और कुछ नहीं रोकता: यह अभी भेजा जा सकता है।</translation>
    </message>
    <message>
        <source>%1 until %2 (%3)</source>
        <translation>%1, %2 तक (%3)</translation>
    </message>
    <message>
        <source>Unlocked, but the next code must still wait: %1. It can be sent from %2 (in %3).</source>
        <translation>अनलॉक हो गया, पर अगले कोड को अभी रुकना होगा: %1। यह %2 से भेजा जा सकता है (%3 में)।</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>भेजा गया</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>कतार में</translation>
    </message>
    <message>
        <source>not confirmed by the vendor</source>
        <translation>विक्रेता ने पुष्टि नहीं की</translation>
    </message>
    <message>
        <source>wrong code</source>
        <translation>गलत कोड</translation>
    </message>
    <message>
        <source>no usable code</source>
        <translation>कोई उपयोगी कोड नहीं</translation>
    </message>
    <message>
        <source>too soon after the last code</source>
        <translation>पिछले कोड के तुरंत बाद</translation>
    </message>
    <message>
        <source>send limit reached</source>
        <translation>भेजने की सीमा पूरी</translation>
    </message>
    <message>
        <source>country not allowed</source>
        <translation>देश की अनुमति नहीं</translation>
    </message>
    <message>
        <source>not a usable phone or email</source>
        <translation>उपयोगी फ़ोन या ईमेल नहीं</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <source>was not locked</source>
        <translation>लॉक नहीं था</translation>
    </message>
    <message>
        <source>a code can be sent</source>
        <translation>कोड भेजा जा सकता है</translation>
    </message>
    <message>
        <source>done</source>
        <translation>हो गया</translation>
    </message>
    <message>
        <source>internal error</source>
        <translation>आंतरिक त्रुटि</translation>
    </message>
    <message>
        <source>code expired</source>
        <translation>कोड समाप्त</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>लॉक</translation>
    </message>
</context>
<context>
    <name>TemplateText</name>
    <message>
        <source>The message is empty.</source>
        <translation>संदेश खाली है।</translation>
    </message>
    <message>
        <source>The message has %1 characters; at most %2 are allowed.</source>
        <translation>संदेश में %1 अक्षर हैं; अधिकतम %2 की अनुमति है।</translation>
    </message>
    <message>
        <source>The message holds an invisible control character (%1); remove it.</source>
        <translation>संदेश में एक अदृश्य नियंत्रण वर्ण (%1) है; इसे हटाएँ।</translation>
    </message>
    <message>
        <source>%1: not a placeholder the core knows. Use {code}, {minutes}, {app} or {purpose}.</source>
        <translation>%1: यह कोई ज्ञात प्लेसहोल्डर नहीं है। {code}, {minutes}, {app} या {purpose} का उपयोग करें।</translation>
    </message>
    <message>
        <source>The message has no {code}: the person would get no code.</source>
        <translation>संदेश में {code} नहीं है: व्यक्ति को कोई कोड नहीं मिलेगा।</translation>
    </message>
    <message>
        <source>The message has {code} %1 times; it must appear exactly once.</source>
        <translation>संदेश में {code} %1 बार है; यह ठीक एक बार होना चाहिए।</translation>
    </message>
    <message>
        <source>“%1” is not a language code: use two lower-case letters (en, hi, ta, …).</source>
        <translation>“%1” भाषा कोड नहीं है: छोटे अक्षरों में दो अक्षर लिखें (en, hi, ta, …)।</translation>
    </message>
    <message>
        <source>The SMS text must match, word for word, the DLT template registered for the vendor %1 (template %2): “%3”. Indian operators drop an SMS whose text differs from its registration. Change the text, or the vendor&apos;s registration first.</source>
        <translation>SMS का पाठ विक्रेता %1 के लिए पंजीकृत DLT टेम्पलेट (टेम्पलेट %2) से शब्दशः मेल खाना चाहिए: “%3”। भारतीय ऑपरेटर वह SMS छोड़ देते हैं जिसका पाठ उसके पंजीकरण से अलग हो। पाठ बदलें, या पहले विक्रेता का पंजीकरण बदलें।</translation>
    </message>
    <message>
        <source>The tenant %1 has no text of its own for this purpose, channel and language.</source>
        <translation>टेनेंट %1 का इस उद्देश्य, चैनल और भाषा के लिए अपना कोई पाठ नहीं है।</translation>
    </message>
    <message>
        <source>The tenant name is not valid.</source>
        <translation>टेनेंट का नाम मान्य नहीं है।</translation>
    </message>
    <message>
        <source>Removed: sends use the built-in text again.</source>
        <translation>हटाया गया: भेजे जाने वाले कोड फिर से अंतर्निहित पाठ का उपयोग करेंगे।</translation>
    </message>
    <message>
        <source>Saved: the next codes travel in this text.</source>
        <translation>सहेजा गया: अगले कोड इसी पाठ में जाएँगे।</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>हटाया नहीं गया: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>सहेजा नहीं गया: %1</translation>
    </message>
</context>
<context>
    <name>otp::models::AlarmHistoryModel</name>
    <message>
        <source>still active</source>
        <translation>अभी सक्रिय</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>अभी नहीं</translation>
    </message>
    <message>
        <source>no</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1, %2 पर: %3</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>उठा</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>हटा</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>टेनेंट</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>अलार्म</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>स्वीकार किया</translation>
    </message>
    <message>
        <source>your role may not acknowledge alarms; ask an admin</source>
        <translation>आपकी भूमिका अलार्म स्वीकार नहीं कर सकती; एडमिन से कहें</translation>
    </message>
    <message>
        <source>acknowledging an alarm needs a reason</source>
        <translation>अलार्म स्वीकार करने के लिए कारण चाहिए</translation>
    </message>
</context>
<context>
    <name>otp::models::AuditModel</name>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>कौन</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>कार्रवाई</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>टेनेंट</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>लक्ष्य</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>विवरण</translation>
    </message>
</context>
<context>
    <name>otp::models::ConnectionProfiles</name>
    <message>
        <source>a profile name is 1–64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (got &apos;%1&apos;)</source>
        <translation>प्रोफ़ाइल नाम में 1–64 अक्षर, अंक, &apos;.&apos;, &apos;_&apos; या &apos;-&apos; होने चाहिए (&apos;%1&apos; मिला)</translation>
    </message>
    <message>
        <source>the profile &apos;%1&apos; has no database</source>
        <translation>प्रोफ़ाइल &apos;%1&apos; में कोई डेटाबेस नहीं है</translation>
    </message>
    <message>
        <source>embedded (built-in SQLite)</source>
        <translation>एम्बेडेड (अंतर्निहित SQLite)</translation>
    </message>
    <message>
        <source>none needed</source>
        <translation>आवश्यक नहीं</translation>
    </message>
    <message>
        <source>in the keychain</source>
        <translation>कीचेन में</translation>
    </message>
    <message>
        <source>none stored (OTP_DB_PASSWORD)</source>
        <translation>संग्रहीत नहीं (OTP_DB_PASSWORD)</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>कनेक्टेड</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>प्रोफ़ाइल</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>इंजन</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>डेटाबेस</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>उपयोग में</translation>
    </message>
    <message>
        <source>the embedded profile is built in and cannot be changed</source>
        <translation>एम्बेडेड प्रोफ़ाइल अंतर्निहित है और बदली नहीं जा सकती</translation>
    </message>
    <message>
        <source>a SQLite file has no password</source>
        <translation>SQLite फ़ाइल का कोई पासवर्ड नहीं होता</translation>
    </message>
    <message>
        <source>profile %1 saved</source>
        <translation>प्रोफ़ाइल %1 सहेजी गई</translation>
    </message>
    <message>
        <source>profile %1 not saved: the password could not be stored: %2</source>
        <translation>प्रोफ़ाइल %1 सहेजी नहीं गई: पासवर्ड संग्रहीत नहीं हो सका: %2</translation>
    </message>
    <message>
        <source>profile %1 saved; its password is in the keychain</source>
        <translation>प्रोफ़ाइल %1 सहेजी गई; इसका पासवर्ड कीचेन में है</translation>
    </message>
    <message>
        <source>there is no profile named &apos;%1&apos; to remove</source>
        <translation>हटाने के लिए &apos;%1&apos; नाम की कोई प्रोफ़ाइल नहीं है</translation>
    </message>
    <message>
        <source>profile %1 is in use: connect to another one first</source>
        <translation>प्रोफ़ाइल %1 उपयोग में है: पहले किसी दूसरी प्रोफ़ाइल से कनेक्ट करें</translation>
    </message>
    <message>
        <source>profile %1 removed</source>
        <translation>प्रोफ़ाइल %1 हटाई गई</translation>
    </message>
    <message>
        <source>%1 does not exist yet: connecting creates it</source>
        <translation>%1 अभी मौजूद नहीं है: कनेक्ट करने पर यह बन जाएगा</translation>
    </message>
    <message>
        <source>connected in %1 ms; an empty database: the OTP schema is created on connect</source>
        <translation>%1 मि.से. में कनेक्ट हुआ; डेटाबेस खाली है: कनेक्ट करने पर OTP स्कीमा बनाया जाता है</translation>
    </message>
    <message>
        <source>connected in %1 ms; schema version %2 of %3</source>
        <translation>%1 मि.से. में कनेक्ट हुआ; स्कीमा संस्करण %3 में से %2</translation>
    </message>
</context>
<context>
    <name>otp::models::CsvExport</name>
    <message>
        <source>export canceled</source>
        <translation>निर्यात रद्द</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>%n पंक्ति %1 में लिखी गई</numerusform>
            <numerusform>%n पंक्तियाँ %1 में लिखी गईं</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::models::LiveSendsModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%2 में से %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 मि.से.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>गंतव्य</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>टेनेंट</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>चैनल</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>उद्देश्य</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>प्रयास</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>विलंब</translation>
    </message>
    <message>
        <source>Vendor answer</source>
        <translation>विक्रेता का उत्तर</translation>
    </message>
</context>
<context>
    <name>otp::models::LockoutsModel</name>
    <message>
        <source>locked</source>
        <translation>लॉक</translation>
    </message>
    <message>
        <source>unlocked by %1</source>
        <translation>%1 द्वारा अनलॉक</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>समाप्त</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>गंतव्य</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>टेनेंट</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Locked at</source>
        <translation>लॉक का समय</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>शेष समय</translation>
    </message>
    <message>
        <source>State</source>
        <translation>अवस्था</translation>
    </message>
    <message>
        <source>Unlock reason</source>
        <translation>अनलॉक का कारण</translation>
    </message>
    <message>
        <source>your role (%1) may not unlock; ask an admin</source>
        <translation>आपकी भूमिका (%1) अनलॉक नहीं कर सकती; एडमिन से कहें</translation>
    </message>
    <message>
        <source>an unlock needs a reason</source>
        <translation>अनलॉक के लिए कारण आवश्यक है</translation>
    </message>
</context>
<context>
    <name>otp::models::ManualSender</name>
    <message>
        <source>your role (%1) may not send codes by hand</source>
        <translation>आपकी भूमिका (%1) हाथ से कोड नहीं भेज सकती</translation>
    </message>
    <message>
        <source>your role (%1) may not enter codes by hand</source>
        <translation>आपकी भूमिका (%1) हाथ से कोड दर्ज नहीं कर सकती</translation>
    </message>
</context>
<context>
    <name>otp::models::PolicyModel</name>
    <message>
        <source>Setting</source>
        <translation>सेटिंग</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>मान</translation>
    </message>
    <message>
        <source>your role (%1) may not edit policies</source>
        <translation>आपकी भूमिका (%1) नीतियाँ नहीं बदल सकती</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>कुछ नहीं बदला</translation>
    </message>
    <message>
        <source>%1 (otpctl policy set %1=…)</source>
        <translation>%1 (otpctl policy set %1=…)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>कुंजी</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>इकाई</translation>
    </message>
    <message>
        <source>Code length</source>
        <translation>कोड की लंबाई</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>अंक</translation>
    </message>
    <message>
        <source>A code is valid for</source>
        <translation>कोड की वैधता</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>सेकंड</translation>
    </message>
    <message>
        <source>Guesses per code</source>
        <translation>प्रति कोड प्रयास</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>प्रयास</translation>
    </message>
    <message>
        <source>Wait between two sends</source>
        <translation>दो भेजों के बीच प्रतीक्षा</translation>
    </message>
    <message>
        <source>Sends per hour to one destination</source>
        <translation>एक गंतव्य को प्रति घंटा भेजे</translation>
    </message>
    <message>
        <source>sends</source>
        <translation>भेजे</translation>
    </message>
    <message>
        <source>Sends per day to one destination</source>
        <translation>एक गंतव्य को प्रति दिन भेजे</translation>
    </message>
    <message>
        <source>Sends per hour from one client address</source>
        <translation>एक क्लाइंट पते से प्रति घंटा भेजे</translation>
    </message>
    <message>
        <source>sends (0 = no limit)</source>
        <translation>भेजे (0 = कोई सीमा नहीं)</translation>
    </message>
    <message>
        <source>A lockout lasts</source>
        <translation>लॉकआउट की अवधि</translation>
    </message>
    <message>
        <source>Sends to one number block</source>
        <translation>एक नंबर ब्लॉक को भेजे</translation>
    </message>
    <message>
        <source>sends per window</source>
        <translation>भेजे प्रति अवधि</translation>
    </message>
    <message>
        <source>Number block window</source>
        <translation>नंबर ब्लॉक की अवधि</translation>
    </message>
    <message>
        <source>Tries per vendor</source>
        <translation>प्रति विक्रेता प्रयास</translation>
    </message>
    <message>
        <source>tries</source>
        <translation>प्रयास</translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation>पहला पुनःप्रयास इतने बाद</translation>
    </message>
    <message>
        <source>seconds (doubles each try)</source>
        <translation>सेकंड (हर प्रयास पर दुगना)</translation>
    </message>
    <message>
        <source>Breaker opens after failures in a row</source>
        <translation>लगातार इतनी विफलताओं पर ब्रेकर खुलता है</translation>
    </message>
    <message>
        <source>failures</source>
        <translation>विफलताएँ</translation>
    </message>
    <message>
        <source>Breaker opens below success rate</source>
        <translation>इस सफलता दर से नीचे ब्रेकर खुलता है</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Breaker judges the rate from</source>
        <translation>ब्रेकर दर आँकता है कम से कम</translation>
    </message>
    <message>
        <source>Breaker window</source>
        <translation>ब्रेकर की अवधि</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>मिनट</translation>
    </message>
    <message>
        <source>Breaker stays open for</source>
        <translation>ब्रेकर इतनी देर खुला रहता है</translation>
    </message>
    <message>
        <source>Breaker closes after accepted probes</source>
        <translation>इतने स्वीकृत परीक्षणों पर ब्रेकर बंद होता है</translation>
    </message>
    <message>
        <source>probes</source>
        <translation>परीक्षण</translation>
    </message>
    <message>
        <source>Alarm window</source>
        <translation>अलार्म की अवधि</translation>
    </message>
    <message>
        <source>Alarms judge rates from</source>
        <translation>अलार्म दर आँकते हैं कम से कम</translation>
    </message>
    <message>
        <source>Alarm below vendor success rate</source>
        <translation>विक्रेता की इस सफलता दर से नीचे अलार्म</translation>
    </message>
    <message>
        <source>Alarm above p95 latency</source>
        <translation>इस p95 विलंब से ऊपर अलार्म</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>मि.से.</translation>
    </message>
    <message>
        <source>Alarm above queued sends</source>
        <translation>कतार में इतने भेजों से ऊपर अलार्म</translation>
    </message>
    <message>
        <source>Alarm above lockouts per minute</source>
        <translation>प्रति मिनट इतने लॉकआउट से ऊपर अलार्म</translation>
    </message>
    <message>
        <source>lockouts</source>
        <translation>लॉकआउट</translation>
    </message>
    <message>
        <source>Alarm below codes verified</source>
        <translation>इतने सत्यापित कोड से नीचे अलार्म</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>डिलीवरी</translation>
    </message>
    <message>
        <source>sync or async</source>
        <translation>sync या async</translation>
    </message>
    <message>
        <source>Create the account</source>
        <translation>खाता कब बने</translation>
    </message>
    <message>
        <source>on_verify or on_delivery</source>
        <translation>on_verify या on_delivery</translation>
    </message>
    <message>
        <source>Allowed countries</source>
        <translation>अनुमत देश</translation>
    </message>
    <message>
        <source>ISO codes, comma-separated (empty: all)</source>
        <translation>ISO कोड, अल्पविराम से अलग (खाली: सभी)</translation>
    </message>
    <message>
        <source>Country of national numbers</source>
        <translation>राष्ट्रीय नंबरों का देश</translation>
    </message>
    <message>
        <source>ISO code</source>
        <translation>ISO कोड</translation>
    </message>
    <message>
        <source>Language of the message</source>
        <translation>संदेश की भाषा</translation>
    </message>
    <message>
        <source>language code</source>
        <translation>भाषा कोड</translation>
    </message>
    <message>
        <source>App name in messages</source>
        <translation>संदेशों में ऐप का नाम</translation>
    </message>
    <message>
        <source>text (empty: the tenant&apos;s name)</source>
        <translation>पाठ (खाली: टेनेंट का नाम)</translation>
    </message>
    <message>
        <source>SMS vendors</source>
        <translation>SMS विक्रेता</translation>
    </message>
    <message>
        <source>vendor names, in order</source>
        <translation>विक्रेताओं के नाम, क्रम से</translation>
    </message>
    <message>
        <source>WhatsApp vendors</source>
        <translation>WhatsApp विक्रेता</translation>
    </message>
    <message>
        <source>Email vendors</source>
        <translation>ईमेल विक्रेता</translation>
    </message>
    <message>
        <source>When WhatsApp fails, send by</source>
        <translation>WhatsApp विफल हो तो भेजें</translation>
    </message>
    <message>
        <source>sms or none</source>
        <translation>sms या none</translation>
    </message>
    <message>
        <source>When SMS fails, send by</source>
        <translation>SMS विफल हो तो भेजें</translation>
    </message>
    <message>
        <source>whatsapp or none</source>
        <translation>whatsapp या none</translation>
    </message>
</context>
<context>
    <name>otp::models::TemplatesModel</name>
    <message>
        <source>built in</source>
        <translation>अंतर्निहित</translation>
    </message>
    <message>
        <source>own, by %1</source>
        <translation>अपना, %1 द्वारा</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <source>The text the core ships for this language; sends use it until the tenant saves its own.</source>
        <translation>कोर इस भाषा के लिए यही पाठ देता है; जब तक टेनेंट अपना पाठ नहीं सहेजता, कोड इसी में भेजे जाते हैं।</translation>
    </message>
    <message>
        <source>Saved by %1 on %2</source>
        <translation>%1 द्वारा %2 को सहेजा गया</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>उद्देश्य</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>चैनल</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Text a send uses</source>
        <translation>भेजने में प्रयुक्त पाठ</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>किसका</translation>
    </message>
    <message>
        <source>your role (%1) may not change message templates</source>
        <translation>आपकी भूमिका (%1) संदेश टेम्पलेट नहीं बदल सकती</translation>
    </message>
</context>
<context>
    <name>otp::models::TimelineModel</name>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>क्या हुआ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Code requested for %1 by %2</source>
        <translation>%1 के लिए %2 से कोड माँगा गया</translation>
    </message>
    <message>
        <source>Code verified</source>
        <translation>कोड सत्यापित</translation>
    </message>
    <message>
        <source> · %1 ms</source>
        <translation> · %1 मि.से.</translation>
    </message>
    <message>
        <source> · message id %1</source>
        <translation> · संदेश आईडी %1</translation>
    </message>
    <message>
        <source>%1 by %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation>लॉक: %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>%1 तक</translation>
    </message>
    <message>
        <source>Fell back to %1 by %2 (send %3, try %4)</source>
        <translation>%2 से %1 पर वैकल्पिक रूप से भेजा (भेजना %3, प्रयास %4)</translation>
    </message>
    <message>
        <source>%1 asked to deliver by %2 (send %3, try %4)</source>
        <translation>%1 से %2 द्वारा पहुँचाने को कहा (भेजना %3, प्रयास %4)</translation>
    </message>
    <message>
        <source>Code verified (attempt %1 of %2)</source>
        <translation>कोड सत्यापित (%2 में से प्रयास %1)</translation>
    </message>
    <message>
        <source>Wrong code (attempt %1 of %2)</source>
        <translation>गलत कोड (%2 में से प्रयास %1)</translation>
    </message>
    <message>
        <source>no attempts left: the destination is locked</source>
        <translation>कोई प्रयास बाकी नहीं: गंतव्य लॉक है</translation>
    </message>
    <message>
        <source>Code entered after it expired</source>
        <translation>कोड समाप्त होने के बाद डाला गया</translation>
    </message>
    <message>
        <source>not compared; a new code must be requested</source>
        <translation>मिलान नहीं किया गया; नया कोड माँगना होगा</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>%n प्रयास बाकी</numerusform>
            <numerusform>%n प्रयास बाकी</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>now: %1 · %2 of %3 attempts used · sent %n time(s)</source>
        <translation>
            <numerusform>अब: %1 · %3 में से %2 प्रयास उपयोग · %n बार भेजा</numerusform>
            <numerusform>अब: %1 · %3 में से %2 प्रयास उपयोग · %n बार भेजा</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::models::VendorHealthModel</name>
    <message>
        <source>Why: %1</source>
        <translation>क्यों: %1</translation>
    </message>
    <message>
        <source>A probe may go from %1.</source>
        <translation>%1 से एक जाँच भेजी जा सकती है।</translation>
    </message>
    <message>
        <source>no tries</source>
        <translation>कोई प्रयास नहीं</translation>
    </message>
    <message>
        <source>%1 % of %2</source>
        <translation>%2 में से %1 %</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 मि.से.</translation>
    </message>
    <message>
        <source>never opened</source>
        <translation>कभी नहीं खुला</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (%2 पहले)</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>सफलता</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>टाइमआउट</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>ब्रेकर</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>कब से</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>क्यों</translation>
    </message>
    <message>
        <source>your role may not force a vendor&apos;s breaker; ask an admin</source>
        <translation>आपकी भूमिका विक्रेता का ब्रेकर नहीं बदल सकती; एडमिन से कहें</translation>
    </message>
    <message>
        <source>forcing a breaker needs a reason</source>
        <translation>ब्रेकर बदलने के लिए कारण चाहिए</translation>
    </message>
</context>
<context>
    <name>otp::models::VendorStatsModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 मि.से.</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>भेजे गए</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>सफलता</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
</context>
<context>
    <name>otp::models::VendorsModel</name>
    <message>
        <source>every channel</source>
        <translation>हर चैनल</translation>
    </message>
    <message>
        <source>none needed</source>
        <translation>आवश्यक नहीं</translation>
    </message>
    <message>
        <source>%1 — stored</source>
        <translation>%1 — संग्रहीत</translation>
    </message>
    <message>
        <source>%1 — missing</source>
        <translation>%1 — अनुपलब्ध</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>अक्षम</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>उपयोग में</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>लोड नहीं हुआ</translation>
    </message>
    <message>
        <source>not usable: %1</source>
        <translation>उपयोग योग्य नहीं: %1</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>चैनल</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>क्रेडेंशियल</translation>
    </message>
    <message>
        <source>State</source>
        <translation>अवस्था</translation>
    </message>
    <message>
        <source>only an admin can change vendors</source>
        <translation>केवल एडमिन विक्रेता बदल सकता है</translation>
    </message>
    <message>
        <source>a credential was entered but the vendor names no secret to keep it under</source>
        <translation>क्रेडेंशियल दर्ज किया गया, पर विक्रेता में उसे रखने के लिए कोई सीक्रेट नाम नहीं दिया गया है</translation>
    </message>
    <message>
        <source>the secret store cannot be opened: %1</source>
        <translation>सीक्रेट स्टोर नहीं खुल सका: %1</translation>
    </message>
    <message>
        <source>the credential was not stored in %1: %2</source>
        <translation>क्रेडेंशियल %1 में संग्रहीत नहीं हुआ: %2</translation>
    </message>
    <message>
        <source>vendor %1 saved and reloaded in this console</source>
        <translation>विक्रेता %1 सहेजा गया और इस कंसोल में फिर से लोड किया गया</translation>
    </message>
    <message>
        <source>vendor %1 removed, but its credential was not deleted: %2</source>
        <translation>विक्रेता %1 हटाया गया, पर उसका क्रेडेंशियल नहीं मिटाया गया: %2</translation>
    </message>
</context>
<context>
    <name>otp::ui::AlarmsPage</name>
    <message>
        <source>Acknowledged; your name and reason are in the audit log.</source>
        <translation>स्वीकार किया गया; आपका नाम और कारण ऑडिट लॉग में है।</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>स्वीकार नहीं हुआ: %1</translation>
    </message>
    <message>
        <source>Acknowledge alarm</source>
        <translation>अलार्म स्वीकार करें</translation>
    </message>
    <message>
        <source>Acknowledge “%1”? It stays active until it clears by itself; your name and reason go to the audit log and the history.</source>
        <translation>“%1” स्वीकार करें? यह अपने आप हटने तक सक्रिय रहेगा; आपका नाम और कारण ऑडिट लॉग और इतिहास में जाते हैं।</translation>
    </message>
    <message>
        <source>e.g. gupshup outage confirmed, traffic moved to WATI</source>
        <translation>उदा. gupshup रुकावट की पुष्टि, ट्रैफ़िक WATI पर भेजा</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>स्वीकार करें</translation>
    </message>
    <message>
        <source>Alarms raised by the health rules (vendor success and latency, outbox depth, lockouts, conversion per number block), newest first. An alarm clears by itself when its rule holds again.</source>
        <translation>सेहत के नियमों से उठे अलार्म (विक्रेता सफलता और विलंब, आउटबॉक्स की गहराई, लॉकआउट, नंबर ब्लॉक के अनुसार रूपांतरण), नए पहले। नियम फिर पूरा होने पर अलार्म अपने आप हट जाता है।</translation>
    </message>
    <message>
        <source>Only ac&amp;tive alarms</source>
        <translation>केवल सक्रिय अलार्म(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>स्वीकार करें(&amp;A)…</translation>
    </message>
    <message>
        <source>Say that someone is on the selected alarm (needs a reason; audited)</source>
        <translation>बताएँ कि चुने गए अलार्म पर कोई काम कर रहा है (कारण ज़रूरी; ऑडिट होता है)</translation>
    </message>
    <message>
        <source>Only an admin can acknowledge; your role is %1.</source>
        <translation>केवल एडमिन स्वीकार कर सकता है; आपकी भूमिका %1 है।</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>अलार्म</translation>
    </message>
    <message>
        <source>No active alarms right now. Clear “Only active alarms” to see the ones that have cleared.</source>
        <translation>अभी कोई सक्रिय अलार्म नहीं है। हट चुके अलार्म देखने के लिए “केवल सक्रिय अलार्म” का निशान हटाएँ।</translation>
    </message>
    <message>
        <source>No alarms: no health rule has fired on this database yet.</source>
        <translation>कोई अलार्म नहीं: इस डेटाबेस पर अब तक सेहत के किसी नियम ने अलार्म नहीं उठाया।</translation>
    </message>
</context>
<context>
    <name>otp::ui::AuditPage</name>
    <message>
        <source>Every change a person made through the console or otpctl, newest first.</source>
        <translation>कंसोल या otpctl से किसी व्यक्ति द्वारा किया गया हर बदलाव, नवीनतम पहले।</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>ऑडिट लॉग</translation>
    </message>
    <message>
        <source>Search who, phone, email, reason…</source>
        <translation>खोजें: कौन, फ़ोन, ईमेल, कारण…</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>कार्रवाई(&amp;A)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>सभी</translation>
    </message>
</context>
<context>
    <name>otp::ui::ConsoleApp</name>
    <message>
        <source>Connection not switched</source>
        <translation>कनेक्शन नहीं बदला गया</translation>
    </message>
    <message>
        <source>The console stays on its current database. %1 could not be opened: %2</source>
        <translation>कंसोल अपने मौजूदा डेटाबेस पर ही रहेगा। %1 नहीं खुल सका: %2</translation>
    </message>
</context>
<context>
    <name>otp::ui::DashboardPage</name>
    <message>
        <source>verified</source>
        <translation>सत्यापित</translation>
    </message>
    <message>
        <source>delivered, not used</source>
        <translation>पहुँचा, उपयोग नहीं हुआ</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>रास्ते में</translation>
    </message>
    <message>
        <source>Sends per minute by outcome</source>
        <translation>परिणाम अनुसार प्रति मिनट भेजे गए</translation>
    </message>
    <message>
        <source>Sends per %1 min by outcome</source>
        <translation>परिणाम अनुसार प्रति %1 मिनट भेजे गए</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>कोई डेटा नहीं</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Codes verified per channel</source>
        <translation>प्रति चैनल सत्यापित कोड</translation>
    </message>
    <message>
        <source>failed sends</source>
        <translation>विफल भेजे गए</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>(कोई कोड नहीं)</translation>
    </message>
    <message>
        <source>no errors</source>
        <translation>कोई त्रुटि नहीं</translation>
    </message>
    <message>
        <source>%1 sends, %2 accepted (%3 %) · updated %4</source>
        <translation>%1 भेजे, %2 स्वीकार (%3 %) · अद्यतन %4</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>अवधि(&amp;W)</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>पिछले 15 मिनट</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>पिछला घंटा</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>पिछले 24 घंटे</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>पिछले 7 दिन</translation>
    </message>
    <message>
        <source>Delivery dashboard</source>
        <translation>डिलीवरी डैशबोर्ड</translation>
    </message>
    <message>
        <source>%1: %2 %3 ms. Click: its sends in Live sends.</source>
        <translation>%1: %2 %3 ms। क्लिक करें: लाइव भेजे गए में इसके संदेश।</translation>
    </message>
    <message>
        <source>%1: %2 % of sends accepted. Click: its sends in Live sends.</source>
        <translation>%1: %2 % भेजे गए स्वीकार हुए। क्लिक करें: लाइव भेजे गए में इसके संदेश।</translation>
    </message>
    <message>
        <source>Latency per vendor</source>
        <translation>प्रति विक्रेता विलंब</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>chart title (unit)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>मि.से.</translation>
    </message>
    <message>
        <source>Top vendor error codes (click one for its sends)</source>
        <translation>विक्रेताओं के मुख्य त्रुटि कोड (उसके संदेशों के लिए क्लिक करें)</translation>
    </message>
    <message>
        <source>The vendor gave no reason.</source>
        <translation>विक्रेता ने कोई कारण नहीं बताया।</translation>
    </message>
    <message>
        <source>What it means: %1</source>
        <translation>इसका अर्थ: %1</translation>
    </message>
    <message>
        <source>Success rate per vendor (target %1 %)</source>
        <translation>प्रति विक्रेता सफलता दर (लक्ष्य %1 %)</translation>
    </message>
    <message>
        <source>target</source>
        <translation>लक्ष्य</translation>
    </message>
    <message>
        <source>Success &amp;target</source>
        <translation>सफलता लक्ष्य(&amp;T)</translation>
    </message>
    <message>
        <source>The success rate each vendor should reach; drawn as a dashed line (remembered).</source>
        <translation>हर विक्रेता को जो सफलता दर पानी चाहिए; टूटी रेखा से दिखाई जाती है (याद रखी जाती है)।</translation>
    </message>
    <message>
        <source>now</source>
        <translation>अभी</translation>
    </message>
    <message numerus="yes">
        <source>%1, code %2: %n failed send(s).
%3
Click: these sends in Live sends.</source>
        <translation>
            <numerusform>%1, कोड %2: %n विफल भेजा गया।
%3
क्लिक करें: लाइव भेजे गए में यह संदेश।</numerusform>
            <numerusform>%1, कोड %2: %n विफल भेजे गए।
%3
क्लिक करें: लाइव भेजे गए में ये संदेश।</numerusform>
        </translation>
    </message>
    <message>
        <source>No sends in this range</source>
        <translation>इस अवधि में कोई भेजा नहीं गया</translation>
    </message>
    <message>
        <source>No codes sent in this range</source>
        <translation>इस अवधि में कोई कोड नहीं भेजा गया</translation>
    </message>
    <message>
        <source>No failed sends in this range</source>
        <translation>इस अवधि में कोई भेजना विफल नहीं हुआ</translation>
    </message>
    <message>
        <source>No code sent in this range has been verified (0 %)</source>
        <translation>इस अवधि में भेजा गया कोई भी कोड सत्यापित नहीं हुआ (0 %)</translation>
    </message>
    <message>
        <source>No vendor has answered in this range</source>
        <translation>इस अवधि में किसी विक्रेता ने उत्तर नहीं दिया</translation>
    </message>
    <message>
        <source>Every answer in this range took under 1 ms</source>
        <translation>इस अवधि में हर उत्तर 1 मि.से. से कम में आया</translation>
    </message>
    <message>
        <source>95 % of the answers in this range took under 1 ms</source>
        <translation>इस अवधि में 95 % उत्तर 1 मि.से. से कम में आए</translation>
    </message>
</context>
<context>
    <name>otp::ui::LiveSendsPage</name>
    <message>
        <source>%1 of %2 sends</source>
        <translation>%2 में से %1 भेजे गए</translation>
    </message>
    <message>
        <source>Search a phone number or email…</source>
        <translation>फ़ोन नंबर या ईमेल खोजें…</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>टेनेंट(&amp;T)</translation>
    </message>
    <message>
        <source>Cha&amp;nnel</source>
        <translation>चैनल(&amp;N)</translation>
    </message>
    <message>
        <source>Ven&amp;dor</source>
        <translation>विक्रेता(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>स्थिति(&amp;S)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>सभी</translation>
    </message>
    <message>
        <source>Double-click a send to open its destination in Phone lookup</source>
        <translation>फ़ोन खोज में गंतव्य खोलने के लिए डबल-क्लिक करें</translation>
    </message>
    <message>
        <source>Live sends</source>
        <translation>लाइव भेजे गए</translation>
    </message>
    <message>
        <source>%1 · error code %2 only</source>
        <translation>%1 · केवल त्रुटि कोड %2</translation>
    </message>
    <message>
        <source>Every send of the chosen time range is listed.</source>
        <translation>चुनी गई समय-सीमा का हर भेजा गया संदेश सूची में है।</translation>
    </message>
    <message>
        <source>Every send in the database is listed.</source>
        <translation>डेटाबेस का हर भेजा गया संदेश सूची में है।</translation>
    </message>
    <message>
        <source>The console holds at most %1 sends (the oldest listed is from %2); for older ones use otpctl history or otpctl stats, or choose a shorter time range.</source>
        <translation>कंसोल अधिकतम %1 भेजे गए रखता है (सबसे पुराना %2 का है); पुराने के लिए otpctl history या otpctl stats का उपयोग करें, या छोटी समय-सीमा चुनें।</translation>
    </message>
    <message>
        <source>Reading older sends for the chosen time range…</source>
        <translation>चुनी गई समय-सीमा के पुराने भेजे गए पढ़े जा रहे हैं…</translation>
    </message>
    <message>
        <source>The newest %1 sends are held live (the oldest listed is from %2); older ones are read when you scroll to the bottom, up to %3.</source>
        <translation>नवीनतम %1 भेजे गए लाइव रखे जाते हैं (सबसे पुराना %2 का है); नीचे तक स्क्रॉल करने पर पुराने पढ़े जाते हैं, %3 तक।</translation>
    </message>
    <message>
        <source>Ti&amp;me</source>
        <translation>समय(&amp;M)</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>पिछले 15 मिनट</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>पिछला घंटा</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>पिछले 24 घंटे</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>पिछले 7 दिन</translation>
    </message>
    <message>
        <source>All held</source>
        <translation>सभी रखे गए</translation>
    </message>
</context>
<context>
    <name>otp::ui::LockoutsPage</name>
    <message>
        <source>Not unlocked: %1</source>
        <translation>अनलॉक नहीं हुआ: %1</translation>
    </message>
    <message>
        <source>That lockout is no longer active.</source>
        <translation>वह लॉकआउट अब सक्रिय नहीं है।</translation>
    </message>
    <message>
        <source>Show hi&amp;story (released and ended lockouts)</source>
        <translation>इतिहास दिखाएँ (हटाए और समाप्त लॉकआउट)(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>अनलॉक करें(&amp;U)…</translation>
    </message>
    <message>
        <source>Release the selected lockout (needs a reason; audited)</source>
        <translation>चुना गया लॉकआउट हटाएँ (कारण आवश्यक; ऑडिट होता है)</translation>
    </message>
    <message>
        <source>Only an admin can unlock; your role is %1.</source>
        <translation>केवल एडमिन अनलॉक कर सकता है; आपकी भूमिका %1 है।</translation>
    </message>
    <message>
        <source>Lockouts</source>
        <translation>लॉकआउट</translation>
    </message>
    <message>
        <source>Search: phone, email, tenant, reason…</source>
        <translation>खोजें: फ़ोन, ईमेल, टेनेंट, कारण…</translation>
    </message>
</context>
<context>
    <name>otp::ui::MainWindow</name>
    <message>
        <source>Database problem: %1</source>
        <translation>डेटाबेस समस्या: %1</translation>
    </message>
    <message>
        <source>About OTP Console</source>
        <translation>ओटीपी कंसोल के बारे में</translation>
    </message>
    <message>
        <source>&lt;b&gt;OTP Console&lt;/b&gt; %1&lt;br&gt;Operations console for one-time passwords: live sends, delivery health, lockouts and QA flows over the shared OTP core.</source>
        <translation>&lt;b&gt;ओटीपी कंसोल&lt;/b&gt; %1&lt;br&gt;वन-टाइम पासवर्ड के लिए संचालन कंसोल: लाइव भेजे गए, डिलीवरी स्वास्थ्य, लॉकआउट और QA।</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export current view as CSV…</source>
        <translation>वर्तमान दृश्य CSV के रूप में निर्यात करें(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बंद करें(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>दृश्य(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>ताज़ा करें(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Search live sends</source>
        <translation>लाइव भेजे गए में खोजें(&amp;S)</translation>
    </message>
    <message>
        <source>Phone &amp;lookup</source>
        <translation>फ़ोन खोज(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>थीम(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>हल्का(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>गहरा(&amp;D)</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>भाषा(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>जाएँ(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>परिचय(&amp;A)</translation>
    </message>
    <message>
        <source>%1 · role %2</source>
        <translation>%1 · भूमिका %2</translation>
    </message>
    <message>
        <source>unknown operator</source>
        <translation>अज्ञात ऑपरेटर</translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation>%1 को CSV के रूप में निर्यात करें</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Export finished: %1</source>
        <translation>निर्यात पूरा: %1</translation>
    </message>
    <message>
        <source>Export stopped: %1</source>
        <translation>निर्यात रुका: %1</translation>
    </message>
    <message>
        <source>The database cannot be reached: %1 — retrying. Views resume on their own; nothing you did is lost or done twice.</source>
        <translation>डेटाबेस तक नहीं पहुँचा जा सका: %1 — फिर से प्रयास हो रहा है। दृश्य अपने आप फिर चालू होंगे; आपका किया कुछ भी न खोएगा, न दो बार होगा।</translation>
    </message>
    <message>
        <source>Your role is now %1.</source>
        <translation>आपकी भूमिका अब %1 है।</translation>
    </message>
    <message>
        <source>OTP Console alarm</source>
        <translation>OTP कंसोल अलार्म</translation>
    </message>
    <message>
        <source>OTP Console</source>
        <translation>OTP कंसोल</translation>
    </message>
    <message numerus="yes">
        <source>Alarm: %1</source>
        <translation>
            <numerusform>अलार्म: %1</numerusform>
            <numerusform>अलार्म: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Alarm history…</source>
        <translation>अलार्म इतिहास…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n row(s)…</source>
        <translation>
            <numerusform>%n पंक्ति निर्यात हो रही है…</numerusform>
            <numerusform>%n पंक्तियाँ निर्यात हो रही हैं…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::ui::ManualSendPage</name>
    <message>
        <source>Sending…</source>
        <translation>भेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>टेनेंट</translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation>गंतव्य(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>चैनल(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>उद्देश्य(&amp;P)</translation>
    </message>
    <message>
        <source>Ve&amp;ndor</source>
        <translation>विक्रेता(&amp;N)</translation>
    </message>
    <message>
        <source>phone in any format, or email</source>
        <translation>किसी भी प्रारूप में फ़ोन, या ईमेल</translation>
    </message>
    <message>
        <source>default for the destination</source>
        <translation>गंतव्य का डिफ़ॉल्ट</translation>
    </message>
    <message>
        <source>default for the channel</source>
        <translation>चैनल का डिफ़ॉल्ट</translation>
    </message>
    <message>
        <source>&amp;Send code</source>
        <translation>कोड भेजें(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>दोबारा भेजें(&amp;R)</translation>
    </message>
    <message>
        <source>Message the dev vendor delivered (read the code here):</source>
        <translation>डेव विक्रेता द्वारा दिया गया संदेश (कोड यहाँ पढ़ें):</translation>
    </message>
    <message>
        <source>Sends are real: they count against the destination&apos;s caps and are audited under your name.</source>
        <translation>भेजना असली है: यह गंतव्य की सीमा में गिना जाता है और आपके नाम से ऑडिट होता है।</translation>
    </message>
    <message>
        <source>Only QA and admin can send codes by hand; your role is %1.</source>
        <translation>केवल QA और एडमिन हाथ से कोड भेज सकते हैं; आपकी भूमिका %1 है।</translation>
    </message>
    <message>
        <source>Manual send</source>
        <translation>मैनुअल भेजें</translation>
    </message>
    <message>
        <source>Type the destination and the code first.</source>
        <translation>पहले गंतव्य और कोड लिखें।</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>&amp;Send code (in %1)</source>
        <translation>कोड भेजें (%1 में)(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Resend (in %1)</source>
        <translation>फिर भेजें (%1 में)(&amp;R)</translation>
    </message>
    <message>
        <source>code from the message</source>
        <translation>संदेश का कोड</translation>
    </message>
    <message>
        <source>Verif&amp;y</source>
        <translation>सत्यापित करें(&amp;Y)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;br&gt;%n attempt(s) to enter it.</source>
        <translation>
            <numerusform>&lt;br&gt;इसे दर्ज करने का %n प्रयास।</numerusform>
            <numerusform>&lt;br&gt;इसे दर्ज करने के %n प्रयास।</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send: type a phone number or an email first.</source>
        <translation>भेजने को कुछ नहीं: पहले फ़ोन नंबर या ईमेल लिखें।</translation>
    </message>
</context>
<context>
    <name>otp::ui::PhoneLookupPage</name>
    <message>
        <source>&lt;p&gt;Type a phone number in any format (98765 43210, +91-98765-43210, 098765…) or an email, then press Enter.&lt;/p&gt;</source>
        <translation>&lt;p&gt;किसी भी प्रारूप में फ़ोन नंबर (98765 43210, +91-98765-43210, 098765…) या ईमेल लिखें, फिर Enter दबाएँ।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Not a usable destination:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;उपयोग योग्य गंतव्य नहीं:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A new code can be sent now.</source>
        <translation>नया कोड अभी भेजा जा सकता है।</translation>
    </message>
    <message>
        <source>Sends in the last hour</source>
        <translation>पिछले घंटे में भेजे गए</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 में से %1</translation>
    </message>
    <message>
        <source>Sends in the last 24 hours</source>
        <translation>पिछले 24 घंटों में भेजे गए</translation>
    </message>
    <message>
        <source>Cooldown between sends</source>
        <translation>भेजने के बीच प्रतीक्षा</translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation>लॉकआउट</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>none requested yet</source>
        <translation>अभी तक कोई अनुरोध नहीं</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>खाता</translation>
    </message>
    <message>
        <source>#%1 %2 · %3 · profile %4</source>
        <translation>#%1 %2 · %3 · प्रोफ़ाइल %4</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(अभी नाम नहीं)</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>पूर्ण</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>अपूर्ण</translation>
    </message>
    <message>
        <source>no account (it is created when a code is verified)</source>
        <translation>कोई खाता नहीं (कोड सत्यापित होने पर बनता है)</translation>
    </message>
    <message>
        <source>&amp;Phone or email</source>
        <translation>फ़ोन या ईमेल(&amp;P)</translation>
    </message>
    <message>
        <source>T&amp;enant</source>
        <translation>टेनेंट(&amp;E)</translation>
    </message>
    <message>
        <source>P&amp;urpose</source>
        <translation>उद्देश्य(&amp;U)</translation>
    </message>
    <message>
        <source>e.g. 98765 43210</source>
        <translation>जैसे 98765 43210</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>खोजें(&amp;L)</translation>
    </message>
    <message>
        <source>Phone lookup</source>
        <translation>फ़ोन खोज</translation>
    </message>
    <message>
        <source>Unlocked. A new code can be sent now.</source>
        <translation>अनलॉक हो गया। नया कोड अभी भेजा जा सकता है।</translation>
    </message>
    <message>
        <source>Unlocked. Still blocking the next code: %1.</source>
        <translation>अनलॉक हो गया। अगले कोड को अभी भी रोक रहा है: %1।</translation>
    </message>
    <message>
        <source>Not unlocked: %1</source>
        <translation>अनलॉक नहीं हुआ: %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Nothing to look up:&lt;/b&gt; type a phone number or an email first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;खोजने को कुछ नहीं:&lt;/b&gt; पहले फ़ोन नंबर या ईमेल लिखें।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A new code can be sent at %1 (in %2), when %3 ends.</source>
        <translation>नया कोड %1 पर (%2 में) भेजा जा सकता है, जब %3 खत्म होगा।</translation>
    </message>
    <message>
        <source>Blocked by:</source>
        <translation>इसने रोका:</translation>
    </message>
    <message>
        <source>%1 — until %2 (%3 left)</source>
        <translation>%1 — %2 तक (%3 बाकी)</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>If the caller&apos;s identity is confirmed, unlock (button below); otherwise wait %1.</source>
        <translation>अगर कॉल करने वाले की पहचान पक्की है तो अनलॉक करें (नीचे बटन); वरना %1 रुकें।</translation>
    </message>
    <message>
        <source>Wait %1, or ask an admin to unlock it once the caller&apos;s identity is confirmed.</source>
        <translation>%1 रुकें, या कॉल करने वाले की पहचान पक्की होने पर एडमिन से अनलॉक करवाएँ।</translation>
    </message>
    <message>
        <source>Wait %1, then ask for a new code.</source>
        <translation>%1 रुकें, फिर नया कोड माँगें।</translation>
    </message>
    <message>
        <source>Wait %1 for %2 to free a slot; unlocking does not change it.</source>
        <translation>%2 में जगह खाली होने के लिए %1 रुकें; अनलॉक करने से यह नहीं बदलता।</translation>
    </message>
    <message>
        <source>Wait %1; if many numbers of this block keep asking, tell an admin (possible SMS pumping).</source>
        <translation>%1 रुकें; अगर इस ब्लॉक के कई नंबर माँगते रहें तो एडमिन को बताएँ (संभावित SMS पंपिंग)।</translation>
    </message>
    <message>
        <source>Unlocking alone would not help: %1 holds longer.</source>
        <translation>सिर्फ़ अनलॉक करने से मदद नहीं मिलेगी: %1 ज़्यादा देर रोकता है।</translation>
    </message>
    <message>
        <source>The vendor refused the last code (%1): check the address, then send again.</source>
        <translation>विक्रेता ने पिछला कोड अस्वीकार किया (%1): पता जाँचें, फिर दोबारा भेजें।</translation>
    </message>
    <message>
        <source>The vendor refused the last code (%1): try %2.</source>
        <translation>विक्रेता ने पिछला कोड अस्वीकार किया (%1): %2 आज़माएँ।</translation>
    </message>
    <message>
        <source>The vendor did not confirm the last code: it works if it arrives. If nothing arrives, send a new one.</source>
        <translation>विक्रेता ने पिछले कोड की पुष्टि नहीं की: पहुँचे तो काम करेगा। कुछ न पहुँचे तो नया भेजें।</translation>
    </message>
    <message>
        <source>The user can enter the code sent (valid %1 more), or ask for a new one.</source>
        <translation>उपयोगकर्ता भेजा गया कोड दर्ज कर सकता है (%1 और मान्य), या नया माँग सकता है।</translation>
    </message>
    <message>
        <source>The last code expired: the user can ask for a new one.</source>
        <translation>पिछला कोड समाप्त हो गया: उपयोगकर्ता नया माँग सकता है।</translation>
    </message>
    <message>
        <source>The user can ask for a code.</source>
        <translation>उपयोगकर्ता कोड माँग सकता है।</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>अगला कदम:</translation>
    </message>
    <message>
        <source>%1, until %2 (%3 left)</source>
        <translation>%1, %2 तक (%3 बाकी)</translation>
    </message>
    <message>
        <source>Latest %1 code</source>
        <translation>नवीनतम %1 कोड</translation>
    </message>
    <message>
        <source> · by %1 via %2 · %3</source>
        <translation> · %1 से, %2 द्वारा · %3</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>अनलॉक(&amp;U)…</translation>
    </message>
    <message>
        <source>Release this destination&apos;s lockout (needs a reason; audited)</source>
        <translation>इस गंतव्य का लॉकआउट हटाएँ (कारण ज़रूरी; ऑडिट होता है)</translation>
    </message>
    <message numerus="yes">
        <source> · %n attempt(s) left</source>
        <translation>
            <numerusform> · %n प्रयास बाकी</numerusform>
            <numerusform> · %n प्रयास बाकी</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::ui::ProfileDialog</name>
    <message>
        <source>SQLite database file</source>
        <translation>SQLite डेटाबेस फ़ाइल</translation>
    </message>
    <message>
        <source>SQLite (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite (*.db *.sqlite);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the built-in profile&apos;s name</source>
        <translation>&apos;%1&apos; अंतर्निहित प्रोफ़ाइल का नाम है</translation>
    </message>
    <message>
        <source>the SQLite file needs an absolute path</source>
        <translation>SQLite फ़ाइल के लिए पूर्ण पथ आवश्यक है</translation>
    </message>
    <message>
        <source>the server profile names no user</source>
        <translation>सर्वर प्रोफ़ाइल में कोई उपयोगकर्ता नहीं दिया गया है</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>कनेक्शन %1</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>नया कनेक्शन</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>नाम(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>इंजन(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>होस्ट(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>पोर्ट(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>डेटाबेस(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>उपयोगकर्ता(&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>पासवर्ड(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ब्राउज़ करें(&amp;B)…</translation>
    </message>
    <message>
        <source>leave empty to keep the stored password</source>
        <translation>संग्रहीत पासवर्ड रखने के लिए खाली छोड़ें</translation>
    </message>
    <message>
        <source>kept in the keychain, never in settings</source>
        <translation>कीचेन में रखा जाता है, सेटिंग्स में कभी नहीं</translation>
    </message>
    <message>
        <source>e.g. staging-pg</source>
        <translation>जैसे staging-pg</translation>
    </message>
</context>
<context>
    <name>otp::ui::SettingsPage</name>
    <message>
        <source>Saved: %1</source>
        <translation>सहेजा गया: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>सहेजा नहीं गया: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Database:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Dev vendor outbox:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;डेटाबेस:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;डेव विक्रेता आउटबॉक्स:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed in as:&lt;/b&gt; %1 (%2), role &lt;b&gt;%3&lt;/b&gt;%4</source>
        <translation>&lt;b&gt;लॉग इन:&lt;/b&gt; %1 (%2), भूमिका &lt;b&gt;%3&lt;/b&gt;%4</translation>
    </message>
    <message>
        <source> — not in the operators table, so read-mostly support</source>
        <translation> — ऑपरेटर तालिका में नहीं, इसलिए केवल-पढ़ने वाला सपोर्ट</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>थीम(&amp;T)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>हल्का</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>गहरा</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>भाषा(&amp;L)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Policy per tenant&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;प्रति टेनेंट नीति&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <source>double-click a value to change it, then Save</source>
        <translation>बदलने के लिए मान पर डबल-क्लिक करें, फिर सहेजें</translation>
    </message>
    <message>
        <source>read-only: only an admin can change it</source>
        <translation>केवल पढ़ने हेतु: केवल एडमिन बदल सकता है</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>टेनेंट</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>उद्देश्य</translation>
    </message>
    <message>
        <source>all purposes</source>
        <translation>सभी उद्देश्य</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>लोड करें</translation>
    </message>
    <message>
        <source>&amp;Save policy</source>
        <translation>नीति सहेजें(&amp;S)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>सहेजा गया।</translation>
    </message>
    <message>
        <source>This window was opened on %1 by --db or OTP_DB; connecting to a profile replaces it.</source>
        <translation>यह विंडो --db या OTP_DB से %1 पर खोली गई थी; किसी प्रोफ़ाइल से कनेक्ट करने पर यह कनेक्शन बदल जाएगा।</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>कनेक्शन हटाएँ</translation>
    </message>
    <message>
        <source>Remove the profile %1 and its stored password?</source>
        <translation>प्रोफ़ाइल %1 और उसका संग्रहीत पासवर्ड हटाएँ?</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 की जाँच हो रही है…</translation>
    </message>
    <message>
        <source>%1: %2 — switching…</source>
        <translation>%1: %2 — स्विच किया जा रहा है…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>%1 तक नहीं पहुँचा जा सका: %2</translation>
    </message>
    <message>
        <source>Remove vendor</source>
        <translation>विक्रेता हटाएँ</translation>
    </message>
    <message>
        <source>Remove the vendor %1? Sends routed to it will fail over to the next vendor of the route.</source>
        <translation>विक्रेता %1 हटाएँ? इसे रूट किए गए कोड रूट के अगले विक्रेता से भेजे जाएँगे।</translation>
    </message>
    <message>
        <source>Remove, and delete %1</source>
        <translation>हटाएँ, और %1 मिटाएँ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Choose a connection first.</source>
        <translation>पहले एक कनेक्शन चुनें।</translation>
    </message>
    <message>
        <source>%1 is the connection in use.</source>
        <translation>उपयोग में कनेक्शन %1 ही है।</translation>
    </message>
    <message>
        <source>Testing %1 before switching…</source>
        <translation>स्विच करने से पहले %1 की जाँच हो रही है…</translation>
    </message>
    <message>
        <source>General</source>
        <translation>सामान्य</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>कनेक्शन</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>विक्रेता</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>नीतियाँ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Database connections&lt;/b&gt; — the console opens the one marked in use; server passwords are kept in the keychain, never in the settings file</source>
        <translation>&lt;b&gt;डेटाबेस कनेक्शन&lt;/b&gt; — कंसोल उपयोग में चिह्नित कनेक्शन खोलता है; सर्वर पासवर्ड कीचेन में रखे जाते हैं, सेटिंग्स फ़ाइल में कभी नहीं</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delivery vendors&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;डिलीवरी विक्रेता&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <source>credentials go to the keychain and are never shown again; changes apply here at once</source>
        <translation>क्रेडेंशियल कीचेन में जाते हैं और फिर कभी नहीं दिखाए जाते; बदलाव यहाँ तुरंत लागू होते हैं</translation>
    </message>
    <message>
        <source>read-only: only an admin can change vendors</source>
        <translation>केवल पढ़ने हेतु: केवल एडमिन विक्रेता बदल सकता है</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>नया(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>संपादित करें(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>कनेक्शन जाँचें(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>कनेक्ट करें(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Add vendor…</source>
        <translation>विक्रेता जोड़ें(&amp;A)…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>फिर से लोड करें</translation>
    </message>
    <message>
        <source>Message templates</source>
        <translation>संदेश टेम्पलेट</translation>
    </message>
    <message>
        <source>No vendor is stored in this database, so every send goes to the built-in development vendor “dev” (this machine&apos;s outbox or the vendor simulator), never to a real phone or mailbox. Add a vendor to send for real.</source>
        <translation>इस डेटाबेस में कोई विक्रेता सहेजा नहीं गया है, इसलिए हर भेजा गया कोड अंतर्निहित विकास विक्रेता “dev” (इस मशीन का आउटबॉक्स या विक्रेता सिम्युलेटर) को जाता है, किसी असली फ़ोन या मेलबॉक्स पर कभी नहीं। असल में भेजने के लिए कोई विक्रेता जोड़ें।</translation>
    </message>
</context>
<context>
    <name>otp::ui::TemplatesEditor</name>
    <message>
        <source>Not saved: only an admin can change message templates (your role: %1).</source>
        <translation>सहेजा नहीं गया: केवल एडमिन संदेश टेम्पलेट बदल सकता है (आपकी भूमिका: %1)।</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>सहेजा नहीं गया: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Not removed: only an admin can change message templates (your role: %1).</source>
        <translation>हटाया नहीं गया: केवल एडमिन संदेश टेम्पलेट बदल सकता है (आपकी भूमिका: %1)।</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>हटाया जा रहा है…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Message templates&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;संदेश टेम्पलेट&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <source>the text each code travels in; choose a row, edit it below, then Save</source>
        <translation>वह पाठ जिसमें हर कोड भेजा जाता है; एक पंक्ति चुनें, नीचे बदलें, फिर सहेजें</translation>
    </message>
    <message>
        <source>read-only: only an admin can change them</source>
        <translation>केवल पढ़ने हेतु: इन्हें केवल एडमिन बदल सकता है</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>टेनेंट(&amp;T)</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>लोड करें</translation>
    </message>
    <message>
        <source>Tenant &lt;b&gt;%1&lt;/b&gt; sends its codes in &lt;b&gt;%2&lt;/b&gt; (message_language); {app} is &lt;b&gt;%3&lt;/b&gt;%4 (app_name). Bold rows are the tenant&apos;s own text; the others are built in.</source>
        <translation>टेनेंट &lt;b&gt;%1&lt;/b&gt; अपने कोड &lt;b&gt;%2&lt;/b&gt; में भेजता है (message_language); {app} है &lt;b&gt;%3&lt;/b&gt;%4 (app_name)। मोटी पंक्तियाँ टेनेंट का अपना पाठ हैं; बाकी अंतर्निहित हैं।</translation>
    </message>
    <message>
        <source> — the tenant&apos;s name, no app_name is set</source>
        <translation> — टेनेंट का नाम, कोई app_name सेट नहीं है</translation>
    </message>
    <message>
        <source>&lt;b&gt;Edit:&lt;/b&gt;</source>
        <translation>&lt;b&gt;बदलें:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>उद्देश्य</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>चैनल</translation>
    </message>
    <message>
        <source>Language: a shipped one, or type a two-letter code (ISO 639-1)</source>
        <translation>भाषा: उपलब्ध भाषाओं में से एक, या दो अक्षरों का कोड लिखें (ISO 639-1)</translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation>डालें:</translation>
    </message>
    <message>
        <source>The code itself; exactly once</source>
        <translation>स्वयं कोड; ठीक एक बार</translation>
    </message>
    <message>
        <source>How many minutes the code stays valid</source>
        <translation>कोड कितने मिनट मान्य रहता है</translation>
    </message>
    <message>
        <source>The app&apos;s name (app_name, else the tenant)</source>
        <translation>ऐप का नाम (app_name, नहीं तो टेनेंट)</translation>
    </message>
    <message>
        <source>The purpose in words, e.g. password reset</source>
        <translation>शब्दों में उद्देश्य, जैसे पासवर्ड रीसेट</translation>
    </message>
    <message>
        <source>The message text, with {code} once</source>
        <translation>संदेश का पाठ, जिसमें {code} एक बार हो</translation>
    </message>
    <message numerus="yes">
        <source>Preview (sample code %1, %n minute(s))</source>
        <translation>
            <numerusform>पूर्वावलोकन (नमूना कोड %1, %n मिनट)</numerusform>
            <numerusform>पूर्वावलोकन (नमूना कोड %1, %n मिनट)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>टेम्पलेट सहेजें(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove (back to built-in)</source>
        <translation>हटाएँ, अंतर्निहित पर वापस(&amp;R)</translation>
    </message>
</context>
<context>
    <name>otp::ui::UnlockDialog</name>
    <message>
        <source>Unlock %1</source>
        <translation>%1 अनलॉक करें</translation>
    </message>
    <message>
        <source>Why is %1 being unlocked? The reason is kept in the audit log with your name.</source>
        <translation>%1 को क्यों अनलॉक किया जा रहा है? कारण आपके नाम के साथ ऑडिट लॉग में रखा जाता है।</translation>
    </message>
    <message>
        <source>e.g. caller proved their identity on a recorded line</source>
        <translation>जैसे कॉलर ने रिकॉर्ड की गई लाइन पर पहचान साबित की</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>अनलॉक करें</translation>
    </message>
</context>
<context>
    <name>otp::ui::VendorDialog</name>
    <message>
        <source>enter the credential: none is stored under %1 yet</source>
        <translation>क्रेडेंशियल दर्ज करें: %1 के अंतर्गत अभी कुछ संग्रहीत नहीं है</translation>
    </message>
    <message>
        <source>name the secret the credential is kept under</source>
        <translation>वह सीक्रेट नाम दें जिसके अंतर्गत क्रेडेंशियल रखा जाता है</translation>
    </message>
    <message>
        <source>Vendor %1</source>
        <translation>विक्रेता %1</translation>
    </message>
    <message>
        <source>New vendor</source>
        <translation>नया विक्रेता</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>नाम(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>प्रकार(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Enabled: sends may be routed to it</source>
        <translation>सक्षम(&amp;E): कोड इसके ज़रिए भेजे जा सकते हैं</translation>
    </message>
    <message>
        <source>Credential &amp;name</source>
        <translation>क्रेडेंशियल नाम(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Credential</source>
        <translation>क्रेडेंशियल(&amp;C)</translation>
    </message>
    <message>
        <source>e.g. vendor/gupshup (empty for an SMTP server without login)</source>
        <translation>जैसे vendor/gupshup (बिना लॉगिन वाले SMTP सर्वर के लिए खाली)</translation>
    </message>
    <message>
        <source>stored in the keychain — leave empty to keep it</source>
        <translation>कीचेन में संग्रहीत — इसे रखने के लिए खाली छोड़ें</translation>
    </message>
    <message>
        <source>password or API token; kept in the keychain only</source>
        <translation>पासवर्ड या API टोकन; केवल कीचेन में रखा जाता है</translation>
    </message>
</context>
<context>
    <name>otp::ui::VendorHealthPanel</name>
    <message>
        <source>Done: %1</source>
        <translation>हो गया: %1</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>नहीं बदला: %1</translation>
    </message>
    <message>
        <source>Force %1 open</source>
        <translation>%1 को हाथ से रोकें</translation>
    </message>
    <message>
        <source>Sends will skip %1 (next vendor, then the fallback channel) until an admin closes it again. Why? The reason is kept in the audit log with your name.</source>
        <translation>जब तक एडमिन इसे फिर बंद न करे, भेजना %1 को छोड़ देगा (अगला विक्रेता, फिर वैकल्पिक चैनल)। क्यों? कारण आपके नाम के साथ ऑडिट लॉग में रखा जाता है।</translation>
    </message>
    <message>
        <source>e.g. Gupshup status page reports an SMS outage</source>
        <translation>उदा. Gupshup का स्टेटस पेज SMS रुकावट बताता है</translation>
    </message>
    <message>
        <source>Force open</source>
        <translation>हाथ से रोकें</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>%1 फिर चालू करें</translation>
    </message>
    <message>
        <source>Sends will use %1 again at once, and its failure counts start afresh. Why? The reason is kept in the audit log with your name.</source>
        <translation>भेजना तुरंत फिर %1 का उपयोग करेगा, और इसकी विफलता गिनती नए सिरे से शुरू होगी। क्यों? कारण आपके नाम के साथ ऑडिट लॉग में रखा जाता है।</translation>
    </message>
    <message>
        <source>e.g. the vendor confirmed the outage is over</source>
        <translation>उदा. विक्रेता ने पुष्टि की कि रुकावट खत्म हो गई</translation>
    </message>
    <message>
        <source>Close breaker</source>
        <translation>ब्रेकर बंद करें</translation>
    </message>
    <message>
        <source>Vendor health and circuit breakers</source>
        <translation>विक्रेताओं की सेहत और सर्किट ब्रेकर</translation>
    </message>
    <message>
        <source>Force &amp;open…</source>
        <translation>रोकें(&amp;O)…</translation>
    </message>
    <message>
        <source>Routes skip the selected vendor until an admin closes it (needs a reason; audited)</source>
        <translation>एडमिन के बंद करने तक रास्ते चुने गए विक्रेता को छोड़ देते हैं (कारण ज़रूरी; ऑडिट होता है)</translation>
    </message>
    <message>
        <source>&amp;Close…</source>
        <translation>चालू करें(&amp;C)…</translation>
    </message>
    <message>
        <source>Routes use the selected vendor again (needs a reason; audited)</source>
        <translation>रास्ते चुने गए विक्रेता का फिर उपयोग करते हैं (कारण ज़रूरी; ऑडिट होता है)</translation>
    </message>
</context>
</TS>
