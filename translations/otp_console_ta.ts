<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ta">
<context>
    <name>Permissions</name>
    <message>
        <source>admin</source>
        <comment>role</comment>
        <translation>நிர்வாகி</translation>
    </message>
    <message>
        <source>support</source>
        <comment>role</comment>
        <translation>ஆதரவு</translation>
    </message>
    <message>
        <source>QA</source>
        <comment>role</comment>
        <translation>தரச் சோதனை</translation>
    </message>
    <message>
        <source>command line</source>
        <comment>role of an otpctl user</comment>
        <translation>கட்டளை வரி</translation>
    </message>
    <message>
        <source>API</source>
        <comment>role of an otpd client</comment>
        <translation>ஏபிஐ</translation>
    </message>
    <message>
        <source>system</source>
        <comment>role of automatic changes</comment>
        <translation>தானியங்கி</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>there is no connection profile named &apos;%1&apos;</source>
        <translation>&apos;%1&apos; என்ற பெயரில் இணைப்புச் சுயவிவரம் எதுவும் இல்லை</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>delivered, code not entered yet</source>
        <translation>வழங்கப்பட்டது; இன்னும் உள்ளிடவில்லை</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>சரிபார்க்கப்பட்டது</translation>
    </message>
    <message>
        <source>expired unused</source>
        <translation>பயன்படுத்தாமல் காலாவதியானது</translation>
    </message>
    <message>
        <source>delivery failed</source>
        <translation>விநியோகம் தோல்வி</translation>
    </message>
    <message>
        <source>locked: too many wrong codes</source>
        <translation>பூட்டப்பட்டது: அதிக தவறான குறியீடுகள்</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>ரத்து செய்யப்பட்டது</translation>
    </message>
    <message>
        <source>replaced by a newer code</source>
        <translation>புதிய குறியீட்டால் மாற்றப்பட்டது</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>அனுப்பப்படுகிறது</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>எஸ்எம்எஸ்</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>வாட்ஸ்அப்</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>மின்னஞ்சல்</translation>
    </message>
    <message>
        <source>login</source>
        <translation>உள்நுழைவு</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>பதிவு</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>கடவுச்சொல் மீட்டமைப்பு</translation>
    </message>
    <message>
        <source>sign-up</source>
        <translation>பதிவுசெய்தல்</translation>
    </message>
    <message>
        <source>too many wrong codes</source>
        <translation>அதிக தவறான குறியீடுகள்</translation>
    </message>
    <message>
        <source>too many codes requested</source>
        <translation>அதிக குறியீடுகள் கோரப்பட்டன</translation>
    </message>
    <message>
        <source>locked by an operator</source>
        <translation>இயக்குநரால் பூட்டப்பட்டது</translation>
    </message>
    <message>
        <source> (HTTP %1)</source>
        <translation> (HTTP %1)</translation>
    </message>
    <message>
        <source>waiting to be handed to %1</source>
        <translation>%1 இடம் ஒப்படைக்கக் காத்திருக்கிறது</translation>
    </message>
    <message>
        <source>waiting for %1 to answer</source>
        <translation>%1 பதிலுக்காகக் காத்திருக்கிறது</translation>
    </message>
    <message>
        <source>accepted%1</source>
        <translation>ஏற்றது%1</translation>
    </message>
    <message>
        <source>no answer in time%1</source>
        <translation>நேரத்தில் பதில் இல்லை%1</translation>
    </message>
    <message>
        <source>refused%1: %2</source>
        <translation>மறுக்கப்பட்டது%1: %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 வி.</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 நிமி. %2 வி.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 நிமி.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 மணி %2 நிமி.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Code sent through %1.</source>
        <translation>குறியீடு %1 வழியாக அனுப்பப்பட்டது.</translation>
    </message>
    <message>
        <source>Code sent.</source>
        <translation>குறியீடு அனுப்பப்பட்டது.</translation>
    </message>
    <message>
        <source>Queued: the outbox delivers it in a moment.</source>
        <translation>வரிசையில் உள்ளது: வெளிப்பெட்டி சிறிது நேரத்தில் அதை வழங்கும்.</translation>
    </message>
    <message>
        <source>The code is correct.</source>
        <translation>குறியீடு சரியானது.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong code; %n attempt(s) left.</source>
        <translation>
            <numerusform>தவறான குறியீடு; %n முயற்சி மீதம்.</numerusform>
            <numerusform>தவறான குறியீடு; %n முயற்சிகள் மீதம்.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong code.</source>
        <translation>தவறான குறியீடு.</translation>
    </message>
    <message>
        <source>The code expired; a new one must be requested.</source>
        <translation>குறியீடு காலாவதியானது; புதியதைக் கோர வேண்டும்.</translation>
    </message>
    <message>
        <source>There is no usable code for this destination.</source>
        <translation>இந்தச் சேருமிடத்துக்குப் பயன்படுத்தக்கூடிய குறியீடு எதுவும் இல்லை.</translation>
    </message>
    <message>
        <source>Locked after too many wrong codes.</source>
        <translation>அதிக தவறான குறியீடுகளால் பூட்டப்பட்டது.</translation>
    </message>
    <message>
        <source>Locked after too many wrong codes; unlocks in %1.</source>
        <translation>அதிக தவறான குறியீடுகளால் பூட்டப்பட்டது; %1 இல் திறக்கும்.</translation>
    </message>
    <message>
        <source>A code was sent moments ago; the next one can go in %1.</source>
        <translation>சற்று முன்பு ஒரு குறியீடு அனுப்பப்பட்டது; அடுத்ததை %1 இல் அனுப்பலாம்.</translation>
    </message>
    <message>
        <source>Send limit reached.</source>
        <translation>அனுப்பும் வரம்பை எட்டியது.</translation>
    </message>
    <message>
        <source>Send limit reached; the next code can go in %1.</source>
        <translation>அனுப்பும் வரம்பை எட்டியது; அடுத்த குறியீட்டை %1 இல் அனுப்பலாம்.</translation>
    </message>
    <message>
        <source>This country is not allowed for the tenant.</source>
        <translation>இந்தக் குத்தகையாளருக்கு இந்த நாடு அனுமதிக்கப்படவில்லை.</translation>
    </message>
    <message>
        <source>Not a usable phone number or email.</source>
        <translation>பயன்படுத்தக்கூடிய தொலைபேசி எண் அல்லது மின்னஞ்சல் அல்ல.</translation>
    </message>
    <message>
        <source>Refused.</source>
        <translation>மறுக்கப்பட்டது.</translation>
    </message>
    <message>
        <source>Delivery failed.</source>
        <translation>விநியோகம் தோல்வியடைந்தது.</translation>
    </message>
    <message>
        <source>The code was cancelled.</source>
        <translation>குறியீடு ரத்து செய்யப்பட்டது.</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>திறக்கப்பட்டது.</translation>
    </message>
    <message>
        <source>It was not locked.</source>
        <translation>இது பூட்டப்படவில்லை.</translation>
    </message>
    <message>
        <source>A code can be sent now.</source>
        <translation>இப்போது குறியீட்டை அனுப்பலாம்.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>முடிந்தது.</translation>
    </message>
    <message>
        <source>Internal error.</source>
        <translation>உள் பிழை.</translation>
    </message>
    <message>
        <source>The vendor did not confirm in time; the code works if it arrives and is not sent again.</source>
        <translation>விற்பனையாளர் நேரத்தில் உறுதிப்படுத்தவில்லை; குறியீடு வந்தால் வேலை செய்யும், மீண்டும் அனுப்பப்படாது.</translation>
    </message>
    <message>
        <source>code sent by hand</source>
        <translation>குறியீடு கைமுறையாக அனுப்பப்பட்டது</translation>
    </message>
    <message>
        <source>code resent by hand</source>
        <translation>குறியீடு கைமுறையாக மீண்டும் அனுப்பப்பட்டது</translation>
    </message>
    <message>
        <source>code entered by hand</source>
        <translation>குறியீடு கைமுறையாக உள்ளிடப்பட்டது</translation>
    </message>
    <message>
        <source>code cancelled</source>
        <translation>குறியீடு ரத்து செய்யப்பட்டது</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>திறக்கப்பட்டது</translation>
    </message>
    <message>
        <source>profile edited</source>
        <translation>சுயவிவரம் திருத்தப்பட்டது</translation>
    </message>
    <message>
        <source>policy changed</source>
        <translation>கொள்கை மாற்றப்பட்டது</translation>
    </message>
    <message>
        <source>vendor saved</source>
        <translation>விற்பனையாளர் சேமிக்கப்பட்டார்</translation>
    </message>
    <message>
        <source>vendor removed</source>
        <translation>விற்பனையாளர் நீக்கப்பட்டார்</translation>
    </message>
    <message>
        <source>old rows cleaned up</source>
        <translation>பழைய வரிசைகள் சுத்தம் செய்யப்பட்டன</translation>
    </message>
    <message>
        <source>credential changed</source>
        <translation>அனுமதிச் சான்று மாற்றப்பட்டது</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>காரணம்</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>நோக்கம்</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>சேனல்</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>விளைவு</translation>
    </message>
    <message>
        <source>lockouts released</source>
        <translation>நீக்கப்பட்ட பூட்டுகள்</translation>
    </message>
    <message>
        <source>values</source>
        <translation>மதிப்புகள்</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the lockout</source>
        <translation>பூட்டு</translation>
    </message>
    <message>
        <source>the cooldown between sends</source>
        <translation>அனுப்புதல்களுக்கு இடையிலான காத்திருப்பு</translation>
    </message>
    <message>
        <source>the hourly send cap</source>
        <translation>மணிநேர அனுப்புதல் வரம்பு</translation>
    </message>
    <message>
        <source>the daily send cap</source>
        <translation>தினசரி அனுப்புதல் வரம்பு</translation>
    </message>
    <message>
        <source>the burst cap on this number block (possible SMS pumping)</source>
        <translation>இந்த எண் தொகுப்பின் திடீர் அனுப்புதல் வரம்பு (SMS பம்பிங் இருக்கலாம்)</translation>
    </message>
    <message>
        <source>alarm acknowledged</source>
        <translation>எச்சரிக்கை ஒப்புக்கொள்ளப்பட்டது</translation>
    </message>
    <message>
        <source>vendor forced open</source>
        <translation>விற்பனையாளர் கைமுறையாக நிறுத்தப்பட்டார் (பிரேக்கர் திறந்தது)</translation>
    </message>
    <message>
        <source>vendor forced closed</source>
        <translation>விற்பனையாளர் கைமுறையாக மீண்டும் இயக்கப்பட்டார் (பிரேக்கர் மூடியது)</translation>
    </message>
    <message>
        <source>vendor breaker opened</source>
        <translation>விற்பனையாளர் பிரேக்கர் திறந்தது</translation>
    </message>
    <message>
        <source>vendor breaker closed</source>
        <translation>விற்பனையாளர் பிரேக்கர் மூடியது</translation>
    </message>
    <message>
        <source>%1 success %2 over %3 min (below %4)</source>
        <translation>%1 வெற்றி %2, கடந்த %3 நிமிடங்களில் (%4 க்குக் கீழ்)</translation>
    </message>
    <message>
        <source>%1 p95 latency %2 over %3 min (above %4)</source>
        <translation>%1 p95 தாமதம் %2, கடந்த %3 நிமிடங்களில் (%4 க்கு மேல்)</translation>
    </message>
    <message>
        <source>%1: %2 deliveries queued (above %3)</source>
        <translation>%1: %2 விநியோகங்கள் வரிசையில் (%3 க்கு மேல்)</translation>
    </message>
    <message>
        <source>%1: %2 lockouts (above %3)</source>
        <translation>%1: %2 பூட்டுகள் (%3 க்கு மேல்)</translation>
    </message>
    <message>
        <source>numbers %1…: %2 of codes verified over %3 min (below %4): SMS pumping?</source>
        <translation>எண்கள் %1…: கடந்த %3 நிமிடங்களில் %2 குறியீடுகள் சரிபார்க்கப்பட்டன (%4 க்குக் கீழ்): SMS பம்பிங்?</translation>
    </message>
    <message>
        <source>%1 %2: %3 (threshold %4)</source>
        <translation>%1 %2: %3 (வரம்பு %4)</translation>
    </message>
    <message>
        <source>open (forced)</source>
        <translation>திறந்தது (கைமுறை)</translation>
    </message>
    <message>
        <source>open: sends skip it</source>
        <translation>திறந்தது: தவிர்க்கப்படுகிறது</translation>
    </message>
    <message>
        <source>half-open: probing</source>
        <translation>பாதி திறந்தது: சோதனையில்</translation>
    </message>
    <message>
        <source>closed: in use</source>
        <translation>மூடியது: பயன்பாட்டில்</translation>
    </message>
    <message>
        <source>Unlocked. Nothing else blocks the next code: it can be sent now.</source>
        <translation>திறக்கப்பட்டது. அடுத்த குறியீட்டை வேறு எதுவும் தடுக்கவில்லை: இப்போதே அனுப்பலாம்.</translation>
    </message>
    <message>
        <source>%1 until %2 (%3)</source>
        <translation>%1, %2 வரை (%3)</translation>
    </message>
    <message>
        <source>Unlocked, but the next code must still wait: %1. It can be sent from %2 (in %3).</source>
        <translation>திறக்கப்பட்டது, ஆனால் அடுத்த குறியீடு இன்னும் காத்திருக்க வேண்டும்: %1. %2 முதல் அனுப்பலாம் (%3 இல்).</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>அனுப்பப்பட்டது</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>வரிசையில்</translation>
    </message>
    <message>
        <source>not confirmed by the vendor</source>
        <translation>விற்பனையாளர் உறுதிப்படுத்தவில்லை</translation>
    </message>
    <message>
        <source>wrong code</source>
        <translation>தவறான குறியீடு</translation>
    </message>
    <message>
        <source>no usable code</source>
        <translation>பயன்படுத்தக்கூடிய குறியீடு இல்லை</translation>
    </message>
    <message>
        <source>too soon after the last code</source>
        <translation>கடைசி குறியீட்டுக்குப் பிறகு மிக விரைவில்</translation>
    </message>
    <message>
        <source>send limit reached</source>
        <translation>அனுப்பும் வரம்பு எட்டப்பட்டது</translation>
    </message>
    <message>
        <source>country not allowed</source>
        <translation>நாடு அனுமதிக்கப்படவில்லை</translation>
    </message>
    <message>
        <source>not a usable phone or email</source>
        <translation>பயன்படுத்தக்கூடிய தொலைபேசி அல்லது மின்னஞ்சல் அல்ல</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>மறுக்கப்பட்டது</translation>
    </message>
    <message>
        <source>was not locked</source>
        <translation>பூட்டப்படவில்லை</translation>
    </message>
    <message>
        <source>a code can be sent</source>
        <translation>குறியீடு அனுப்பலாம்</translation>
    </message>
    <message>
        <source>done</source>
        <translation>முடிந்தது</translation>
    </message>
    <message>
        <source>internal error</source>
        <translation>உள் பிழை</translation>
    </message>
    <message>
        <source>code expired</source>
        <translation>குறியீடு காலாவதியானது</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>பூட்டப்பட்டது</translation>
    </message>
</context>
<context>
    <name>TemplateText</name>
    <message>
        <source>The message is empty.</source>
        <translation>செய்தி காலியாக உள்ளது.</translation>
    </message>
    <message>
        <source>The message has %1 characters; at most %2 are allowed.</source>
        <translation>செய்தியில் %1 எழுத்துகள் உள்ளன; அதிகபட்சம் %2 மட்டுமே அனுமதி.</translation>
    </message>
    <message>
        <source>The message holds an invisible control character (%1); remove it.</source>
        <translation>செய்தியில் கண்ணுக்குத் தெரியாத கட்டுப்பாட்டு எழுத்து (%1) உள்ளது; அதை நீக்கவும்.</translation>
    </message>
    <message>
        <source>%1: not a placeholder the core knows. Use {code}, {minutes}, {app} or {purpose}.</source>
        <translation>%1: இது அறியப்பட்ட இடக்குறி அல்ல. {code}, {minutes}, {app} அல்லது {purpose} பயன்படுத்தவும்.</translation>
    </message>
    <message>
        <source>The message has no {code}: the person would get no code.</source>
        <translation>செய்தியில் {code} இல்லை: அந்த நபருக்குக் குறியீடு கிடைக்காது.</translation>
    </message>
    <message>
        <source>The message has {code} %1 times; it must appear exactly once.</source>
        <translation>செய்தியில் {code} %1 முறை உள்ளது; அது சரியாக ஒருமுறை வர வேண்டும்.</translation>
    </message>
    <message>
        <source>“%1” is not a language code: use two lower-case letters (en, hi, ta, …).</source>
        <translation>“%1” ஒரு மொழிக் குறியீடு அல்ல: இரண்டு சிறிய எழுத்துகளைப் பயன்படுத்தவும் (en, hi, ta, …).</translation>
    </message>
    <message>
        <source>The SMS text must match, word for word, the DLT template registered for the vendor %1 (template %2): “%3”. Indian operators drop an SMS whose text differs from its registration. Change the text, or the vendor&apos;s registration first.</source>
        <translation>SMS உரை, விற்பனையாளர் %1-க்குப் பதிவுசெய்யப்பட்ட DLT வார்ப்புருவுடன் (வார்ப்புரு %2) சொல்லுக்குச் சொல் பொருந்த வேண்டும்: “%3”. பதிவிலிருந்து மாறுபடும் உரை கொண்ட SMS-ஐ இந்திய ஆப்பரேட்டர்கள் கைவிடுகின்றனர். உரையை மாற்றவும், அல்லது முதலில் விற்பனையாளரின் பதிவை மாற்றவும்.</translation>
    </message>
    <message>
        <source>The tenant %1 has no text of its own for this purpose, channel and language.</source>
        <translation>குத்தகையாளர் %1-க்கு இந்த நோக்கம், வழி, மொழிக்குச் சொந்த உரை இல்லை.</translation>
    </message>
    <message>
        <source>The tenant name is not valid.</source>
        <translation>குத்தகையாளர் பெயர் செல்லாது.</translation>
    </message>
    <message>
        <source>Removed: sends use the built-in text again.</source>
        <translation>நீக்கப்பட்டது: அனுப்புதல்கள் மீண்டும் உள்ளமைந்த உரையைப் பயன்படுத்தும்.</translation>
    </message>
    <message>
        <source>Saved: the next codes travel in this text.</source>
        <translation>சேமிக்கப்பட்டது: அடுத்த குறியீடுகள் இந்த உரையில் செல்லும்.</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>நீக்கப்படவில்லை: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>சேமிக்கப்படவில்லை: %1</translation>
    </message>
</context>
<context>
    <name>otp::models::AlarmHistoryModel</name>
    <message>
        <source>still active</source>
        <translation>இன்னும் செயலில்</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>இன்னும் இல்லை</translation>
    </message>
    <message>
        <source>no</source>
        <translation>இல்லை</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1, %2 அன்று: %3</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>எழுந்தது</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>நீங்கியது</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>குத்தகையாளர்</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>எச்சரிக்கை</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>ஒப்புக்கொண்டவர்</translation>
    </message>
    <message>
        <source>your role may not acknowledge alarms; ask an admin</source>
        <translation>உங்கள் பங்கு எச்சரிக்கைகளை ஒப்புக்கொள்ள முடியாது; நிர்வாகியிடம் கேளுங்கள்</translation>
    </message>
    <message>
        <source>acknowledging an alarm needs a reason</source>
        <translation>எச்சரிக்கையை ஒப்புக்கொள்ள ஒரு காரணம் தேவை</translation>
    </message>
</context>
<context>
    <name>otp::models::AuditModel</name>
    <message>
        <source>When</source>
        <translation>எப்போது</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>யார்</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>பங்கு</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>செயல்</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>குத்தகையாளர்</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>இலக்கு</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>விவரங்கள்</translation>
    </message>
</context>
<context>
    <name>otp::models::ConnectionProfiles</name>
    <message>
        <source>a profile name is 1–64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (got &apos;%1&apos;)</source>
        <translation>சுயவிவரப் பெயர் 1–64 எழுத்துகள், இலக்கங்கள், &apos;.&apos;, &apos;_&apos; அல்லது &apos;-&apos; கொண்டதாக இருக்க வேண்டும் (கிடைத்தது &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>the profile &apos;%1&apos; has no database</source>
        <translation>&apos;%1&apos; சுயவிவரத்துக்குத் தரவுத்தளம் இல்லை</translation>
    </message>
    <message>
        <source>embedded (built-in SQLite)</source>
        <translation>உட்பொதிந்தது (உள்ளமைந்த SQLite)</translation>
    </message>
    <message>
        <source>none needed</source>
        <translation>தேவையில்லை</translation>
    </message>
    <message>
        <source>in the keychain</source>
        <translation>கீசெயினில்</translation>
    </message>
    <message>
        <source>none stored (OTP_DB_PASSWORD)</source>
        <translation>எதுவும் சேமிக்கப்படவில்லை (OTP_DB_PASSWORD)</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>இணைக்கப்பட்டது</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>சுயவிவரம்</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>எஞ்சின்</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>தரவுத்தளம்</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>கடவுச்சொல்</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>பயன்பாட்டில்</translation>
    </message>
    <message>
        <source>the embedded profile is built in and cannot be changed</source>
        <translation>உட்பொதிந்த சுயவிவரம் உள்ளமைந்தது, அதை மாற்ற முடியாது</translation>
    </message>
    <message>
        <source>a SQLite file has no password</source>
        <translation>SQLite கோப்புக்குக் கடவுச்சொல் இல்லை</translation>
    </message>
    <message>
        <source>profile %1 saved</source>
        <translation>சுயவிவரம் %1 சேமிக்கப்பட்டது</translation>
    </message>
    <message>
        <source>profile %1 not saved: the password could not be stored: %2</source>
        <translation>சுயவிவரம் %1 சேமிக்கப்படவில்லை: கடவுச்சொல்லைச் சேமிக்க முடியவில்லை: %2</translation>
    </message>
    <message>
        <source>profile %1 saved; its password is in the keychain</source>
        <translation>சுயவிவரம் %1 சேமிக்கப்பட்டது; அதன் கடவுச்சொல் கீசெயினில் உள்ளது</translation>
    </message>
    <message>
        <source>there is no profile named &apos;%1&apos; to remove</source>
        <translation>நீக்க &apos;%1&apos; என்ற பெயரில் சுயவிவரம் எதுவும் இல்லை</translation>
    </message>
    <message>
        <source>profile %1 is in use: connect to another one first</source>
        <translation>சுயவிவரம் %1 பயன்பாட்டில் உள்ளது: முதலில் வேறொன்றுடன் இணைக்கவும்</translation>
    </message>
    <message>
        <source>profile %1 removed</source>
        <translation>சுயவிவரம் %1 நீக்கப்பட்டது</translation>
    </message>
    <message>
        <source>%1 does not exist yet: connecting creates it</source>
        <translation>%1 இன்னும் இல்லை: இணைக்கும்போது உருவாக்கப்படும்</translation>
    </message>
    <message>
        <source>connected in %1 ms; an empty database: the OTP schema is created on connect</source>
        <translation>%1 மி.வி. இல் இணைக்கப்பட்டது; வெற்றுத் தரவுத்தளம்: இணைக்கும்போது OTP ஸ்கீமா உருவாக்கப்படும்</translation>
    </message>
    <message>
        <source>connected in %1 ms; schema version %2 of %3</source>
        <translation>%1 மி.வி. இல் இணைக்கப்பட்டது; ஸ்கீமா பதிப்பு %3 இல் %2</translation>
    </message>
</context>
<context>
    <name>otp::models::CsvExport</name>
    <message>
        <source>export canceled</source>
        <translation>ஏற்றுமதி ரத்து</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>%n வரிசை %1 இல் எழுதப்பட்டது</numerusform>
            <numerusform>%n வரிசைகள் %1 இல் எழுதப்பட்டன</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::models::LiveSendsModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%2 இல் %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 மி.வி.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>நேரம்</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>சேருமிடம்</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>குத்தகையாளர்</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>வழி</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>விற்பனையாளர்</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>நோக்கம்</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>நிலை</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>முயற்சிகள்</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>தாமதம்</translation>
    </message>
    <message>
        <source>Vendor answer</source>
        <translation>விற்பனையாளர் பதில்</translation>
    </message>
</context>
<context>
    <name>otp::models::LockoutsModel</name>
    <message>
        <source>locked</source>
        <translation>பூட்டப்பட்டது</translation>
    </message>
    <message>
        <source>unlocked by %1</source>
        <translation>%1 ஆல் திறக்கப்பட்டது</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>முடிந்தது</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>சேருமிடம்</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>குத்தகையாளர்</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>காரணம்</translation>
    </message>
    <message>
        <source>Locked at</source>
        <translation>பூட்டிய நேரம்</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>மீதி நேரம்</translation>
    </message>
    <message>
        <source>State</source>
        <translation>நிலைமை</translation>
    </message>
    <message>
        <source>Unlock reason</source>
        <translation>திறந்த காரணம்</translation>
    </message>
    <message>
        <source>your role (%1) may not unlock; ask an admin</source>
        <translation>உங்கள் பங்கு (%1) திறக்க முடியாது; நிர்வாகியிடம் கேளுங்கள்</translation>
    </message>
    <message>
        <source>an unlock needs a reason</source>
        <translation>திறக்க ஒரு காரணம் தேவை</translation>
    </message>
</context>
<context>
    <name>otp::models::ManualSender</name>
    <message>
        <source>your role (%1) may not send codes by hand</source>
        <translation>உங்கள் பங்கு (%1) கைமுறையாக குறியீடுகளை அனுப்ப முடியாது</translation>
    </message>
    <message>
        <source>your role (%1) may not enter codes by hand</source>
        <translation>உங்கள் பங்கு (%1) குறியீடுகளைக் கைமுறையாக உள்ளிட முடியாது</translation>
    </message>
</context>
<context>
    <name>otp::models::PolicyModel</name>
    <message>
        <source>Setting</source>
        <translation>அமைப்பு</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>மதிப்பு</translation>
    </message>
    <message>
        <source>your role (%1) may not edit policies</source>
        <translation>உங்கள் பங்கு (%1) கொள்கைகளைத் திருத்த முடியாது</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>எதுவும் மாறவில்லை</translation>
    </message>
    <message>
        <source>%1 (otpctl policy set %1=…)</source>
        <translation>%1 (otpctl policy set %1=…)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>விசை</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>அலகு</translation>
    </message>
    <message>
        <source>Code length</source>
        <translation>குறியீட்டின் நீளம்</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>இலக்கங்கள்</translation>
    </message>
    <message>
        <source>A code is valid for</source>
        <translation>குறியீடு செல்லுபடியாகும் நேரம்</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>விநாடிகள்</translation>
    </message>
    <message>
        <source>Guesses per code</source>
        <translation>ஒரு குறியீட்டுக்கான முயற்சிகள்</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>முயற்சிகள்</translation>
    </message>
    <message>
        <source>Wait between two sends</source>
        <translation>இரு அனுப்புதல்களுக்கு இடையே காத்திருப்பு</translation>
    </message>
    <message>
        <source>Sends per hour to one destination</source>
        <translation>ஒரு இலக்குக்கு மணிக்கு அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>sends</source>
        <translation>அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>Sends per day to one destination</source>
        <translation>ஒரு இலக்குக்கு நாளுக்கு அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>Sends per hour from one client address</source>
        <translation>ஒரு கிளையன்ட் முகவரியிலிருந்து மணிக்கு அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>sends (0 = no limit)</source>
        <translation>அனுப்புதல்கள் (0 = வரம்பு இல்லை)</translation>
    </message>
    <message>
        <source>A lockout lasts</source>
        <translation>பூட்டின் காலம்</translation>
    </message>
    <message>
        <source>Sends to one number block</source>
        <translation>ஒரு எண் தொகுதிக்கு அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>sends per window</source>
        <translation>ஒரு காலத்துக்கு அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>Number block window</source>
        <translation>எண் தொகுதியின் காலம்</translation>
    </message>
    <message>
        <source>Tries per vendor</source>
        <translation>ஒரு விற்பனையாளருக்கான முயற்சிகள்</translation>
    </message>
    <message>
        <source>tries</source>
        <translation>முயற்சிகள்</translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation>முதல் மறுமுயற்சிக்கு முன்</translation>
    </message>
    <message>
        <source>seconds (doubles each try)</source>
        <translation>விநாடிகள் (ஒவ்வொரு முயற்சியிலும் இரட்டிப்பு)</translation>
    </message>
    <message>
        <source>Breaker opens after failures in a row</source>
        <translation>தொடர் தோல்விகளுக்குப் பின் பிரேக்கர் திறக்கும்</translation>
    </message>
    <message>
        <source>failures</source>
        <translation>தோல்விகள்</translation>
    </message>
    <message>
        <source>Breaker opens below success rate</source>
        <translation>இந்த வெற்றி விகிதத்துக்குக் கீழ் பிரேக்கர் திறக்கும்</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Breaker judges the rate from</source>
        <translation>பிரேக்கர் விகிதத்தை மதிப்பிடக் குறைந்தது</translation>
    </message>
    <message>
        <source>Breaker window</source>
        <translation>பிரேக்கர் காலம்</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>நிமிடங்கள்</translation>
    </message>
    <message>
        <source>Breaker stays open for</source>
        <translation>பிரேக்கர் திறந்திருக்கும் நேரம்</translation>
    </message>
    <message>
        <source>Breaker closes after accepted probes</source>
        <translation>ஏற்கப்பட்ட சோதனைகளுக்குப் பின் பிரேக்கர் மூடும்</translation>
    </message>
    <message>
        <source>probes</source>
        <translation>சோதனைகள்</translation>
    </message>
    <message>
        <source>Alarm window</source>
        <translation>எச்சரிக்கைக் காலம்</translation>
    </message>
    <message>
        <source>Alarms judge rates from</source>
        <translation>எச்சரிக்கைகள் விகிதத்தை மதிப்பிடக் குறைந்தது</translation>
    </message>
    <message>
        <source>Alarm below vendor success rate</source>
        <translation>விற்பனையாளர் வெற்றி விகிதம் இதற்குக் கீழ் எச்சரிக்கை</translation>
    </message>
    <message>
        <source>Alarm above p95 latency</source>
        <translation>p95 தாமதம் இதற்கு மேல் எச்சரிக்கை</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>மி.வி.</translation>
    </message>
    <message>
        <source>Alarm above queued sends</source>
        <translation>வரிசையிலுள்ள அனுப்புதல்கள் இதற்கு மேல் எச்சரிக்கை</translation>
    </message>
    <message>
        <source>Alarm above lockouts per minute</source>
        <translation>நிமிடத்துக்குப் பூட்டுகள் இதற்கு மேல் எச்சரிக்கை</translation>
    </message>
    <message>
        <source>lockouts</source>
        <translation>பூட்டுகள்</translation>
    </message>
    <message>
        <source>Alarm below codes verified</source>
        <translation>சரிபார்க்கப்பட்ட குறியீடுகள் இதற்குக் கீழ் எச்சரிக்கை</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>விநியோகம்</translation>
    </message>
    <message>
        <source>sync or async</source>
        <translation>sync அல்லது async</translation>
    </message>
    <message>
        <source>Create the account</source>
        <translation>கணக்கை உருவாக்குவது</translation>
    </message>
    <message>
        <source>on_verify or on_delivery</source>
        <translation>on_verify அல்லது on_delivery</translation>
    </message>
    <message>
        <source>Allowed countries</source>
        <translation>அனுமதிக்கப்பட்ட நாடுகள்</translation>
    </message>
    <message>
        <source>ISO codes, comma-separated (empty: all)</source>
        <translation>ISO குறியீடுகள், காற்புள்ளியால் பிரித்து (காலி: அனைத்தும்)</translation>
    </message>
    <message>
        <source>Country of national numbers</source>
        <translation>தேசிய எண்களின் நாடு</translation>
    </message>
    <message>
        <source>ISO code</source>
        <translation>ISO குறியீடு</translation>
    </message>
    <message>
        <source>Language of the message</source>
        <translation>செய்தியின் மொழி</translation>
    </message>
    <message>
        <source>language code</source>
        <translation>மொழிக் குறியீடு</translation>
    </message>
    <message>
        <source>App name in messages</source>
        <translation>செய்திகளில் செயலியின் பெயர்</translation>
    </message>
    <message>
        <source>text (empty: the tenant&apos;s name)</source>
        <translation>உரை (காலி: குத்தகையாளரின் பெயர்)</translation>
    </message>
    <message>
        <source>SMS vendors</source>
        <translation>SMS விற்பனையாளர்கள்</translation>
    </message>
    <message>
        <source>vendor names, in order</source>
        <translation>விற்பனையாளர் பெயர்கள், வரிசைப்படி</translation>
    </message>
    <message>
        <source>WhatsApp vendors</source>
        <translation>WhatsApp விற்பனையாளர்கள்</translation>
    </message>
    <message>
        <source>Email vendors</source>
        <translation>மின்னஞ்சல் விற்பனையாளர்கள்</translation>
    </message>
    <message>
        <source>When WhatsApp fails, send by</source>
        <translation>WhatsApp தோல்வியுற்றால் அனுப்பும் வழி</translation>
    </message>
    <message>
        <source>sms or none</source>
        <translation>sms அல்லது none</translation>
    </message>
    <message>
        <source>When SMS fails, send by</source>
        <translation>SMS தோல்வியுற்றால் அனுப்பும் வழி</translation>
    </message>
    <message>
        <source>whatsapp or none</source>
        <translation>whatsapp அல்லது none</translation>
    </message>
</context>
<context>
    <name>otp::models::TemplatesModel</name>
    <message>
        <source>built in</source>
        <translation>உள்ளமைந்தது</translation>
    </message>
    <message>
        <source>own, by %1</source>
        <translation>சொந்தம், %1 எழுதியது</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>தெரியவில்லை</translation>
    </message>
    <message>
        <source>The text the core ships for this language; sends use it until the tenant saves its own.</source>
        <translation>இந்த மொழிக்கு மையம் வழங்கும் உரை; குத்தகையாளர் தன் சொந்த உரையைச் சேமிக்கும் வரை அனுப்புதல்கள் இதைப் பயன்படுத்தும்.</translation>
    </message>
    <message>
        <source>Saved by %1 on %2</source>
        <translation>%2 அன்று %1 சேமித்தது</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>நோக்கம்</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>வழி</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>மொழி</translation>
    </message>
    <message>
        <source>Text a send uses</source>
        <translation>அனுப்புதல் பயன்படுத்தும் உரை</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>யாருடையது</translation>
    </message>
    <message>
        <source>your role (%1) may not change message templates</source>
        <translation>உங்கள் பங்கு (%1) செய்தி வார்ப்புருக்களை மாற்ற முடியாது</translation>
    </message>
</context>
<context>
    <name>otp::models::TimelineModel</name>
    <message>
        <source>When</source>
        <translation>எப்போது</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>என்ன நடந்தது</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>விவரங்கள்</translation>
    </message>
    <message>
        <source>Code requested for %1 by %2</source>
        <translation>%1 க்கு %2 மூலம் குறியீடு கோரப்பட்டது</translation>
    </message>
    <message>
        <source>Code verified</source>
        <translation>குறியீடு சரிபார்க்கப்பட்டது</translation>
    </message>
    <message>
        <source> · %1 ms</source>
        <translation> · %1 மி.வி.</translation>
    </message>
    <message>
        <source> · message id %1</source>
        <translation> · செய்தி அடையாளம் %1</translation>
    </message>
    <message>
        <source>%1 by %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation>பூட்டப்பட்டது: %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>%1 வரை</translation>
    </message>
    <message>
        <source>Fell back to %1 by %2 (send %3, try %4)</source>
        <translation>%2 வழியாக %1 க்கு மாற்றப்பட்டது (அனுப்புதல் %3, முயற்சி %4)</translation>
    </message>
    <message>
        <source>%1 asked to deliver by %2 (send %3, try %4)</source>
        <translation>%1 ஐ %2 வழியாக வழங்கக் கேட்கப்பட்டது (அனுப்புதல் %3, முயற்சி %4)</translation>
    </message>
    <message>
        <source>Code verified (attempt %1 of %2)</source>
        <translation>குறியீடு சரிபார்க்கப்பட்டது (%2 இல் முயற்சி %1)</translation>
    </message>
    <message>
        <source>Wrong code (attempt %1 of %2)</source>
        <translation>தவறான குறியீடு (%2 இல் முயற்சி %1)</translation>
    </message>
    <message>
        <source>no attempts left: the destination is locked</source>
        <translation>முயற்சிகள் மீதமில்லை: சேருமிடம் பூட்டப்பட்டது</translation>
    </message>
    <message>
        <source>Code entered after it expired</source>
        <translation>காலாவதியான பிறகு குறியீடு உள்ளிடப்பட்டது</translation>
    </message>
    <message>
        <source>not compared; a new code must be requested</source>
        <translation>ஒப்பிடப்படவில்லை; புதிய குறியீட்டைக் கோர வேண்டும்</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>%n முயற்சி மீதம்</numerusform>
            <numerusform>%n முயற்சிகள் மீதம்</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>now: %1 · %2 of %3 attempts used · sent %n time(s)</source>
        <translation>
            <numerusform>இப்போது: %1 · %3 இல் %2 முயற்சிகள் · %n முறை அனுப்பப்பட்டது</numerusform>
            <numerusform>இப்போது: %1 · %3 இல் %2 முயற்சிகள் · %n முறை அனுப்பப்பட்டது</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::models::VendorHealthModel</name>
    <message>
        <source>Why: %1</source>
        <translation>ஏன்: %1</translation>
    </message>
    <message>
        <source>A probe may go from %1.</source>
        <translation>%1 முதல் ஒரு சோதனை அனுப்பலாம்.</translation>
    </message>
    <message>
        <source>no tries</source>
        <translation>முயற்சிகள் இல்லை</translation>
    </message>
    <message>
        <source>%1 % of %2</source>
        <translation>%2 இல் %1 %</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 மி.வி.</translation>
    </message>
    <message>
        <source>never opened</source>
        <translation>திறக்கவில்லை</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (%2 முன்)</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>விற்பனையாளர்</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>வெற்றி</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>நேரமுடிவுகள்</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>பிரேக்கர்</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>எப்போதிலிருந்து</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>ஏன்</translation>
    </message>
    <message>
        <source>your role may not force a vendor&apos;s breaker; ask an admin</source>
        <translation>உங்கள் பங்கு விற்பனையாளரின் பிரேக்கரை மாற்ற முடியாது; நிர்வாகியிடம் கேளுங்கள்</translation>
    </message>
    <message>
        <source>forcing a breaker needs a reason</source>
        <translation>பிரேக்கரை மாற்ற ஒரு காரணம் தேவை</translation>
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
        <translation>%1 மி.வி.</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>விற்பனையாளர்</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>ஏற்கப்பட்டது</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>தோல்வி</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>வெற்றி</translation>
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
        <translation>அனைத்து வழிகளும்</translation>
    </message>
    <message>
        <source>none needed</source>
        <translation>தேவையில்லை</translation>
    </message>
    <message>
        <source>%1 — stored</source>
        <translation>%1 — சேமிக்கப்பட்டது</translation>
    </message>
    <message>
        <source>%1 — missing</source>
        <translation>%1 — இல்லை</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>முடக்கப்பட்டது</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>பயன்பாட்டில்</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>ஏற்றப்படவில்லை</translation>
    </message>
    <message>
        <source>not usable: %1</source>
        <translation>பயன்படுத்த முடியாது: %1</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>விற்பனையாளர்</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>வகை</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>வழி</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>அமைப்புகள்</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>நற்சான்று</translation>
    </message>
    <message>
        <source>State</source>
        <translation>நிலைமை</translation>
    </message>
    <message>
        <source>only an admin can change vendors</source>
        <translation>நிர்வாகி மட்டுமே விற்பனையாளர்களை மாற்றலாம்</translation>
    </message>
    <message>
        <source>a credential was entered but the vendor names no secret to keep it under</source>
        <translation>நற்சான்று உள்ளிடப்பட்டது, ஆனால் அதை வைக்க விற்பனையாளர் எந்த ரகசியத்தின் பெயரையும் குறிப்பிடவில்லை</translation>
    </message>
    <message>
        <source>the secret store cannot be opened: %1</source>
        <translation>ரகசியக் களஞ்சியத்தைத் திறக்க முடியவில்லை: %1</translation>
    </message>
    <message>
        <source>the credential was not stored in %1: %2</source>
        <translation>நற்சான்று %1 இல் சேமிக்கப்படவில்லை: %2</translation>
    </message>
    <message>
        <source>vendor %1 saved and reloaded in this console</source>
        <translation>விற்பனையாளர் %1 சேமிக்கப்பட்டு இந்தக் கன்சோலில் மீண்டும் ஏற்றப்பட்டது</translation>
    </message>
    <message>
        <source>vendor %1 removed, but its credential was not deleted: %2</source>
        <translation>விற்பனையாளர் %1 நீக்கப்பட்டது, ஆனால் அதன் நற்சான்று அழிக்கப்படவில்லை: %2</translation>
    </message>
</context>
<context>
    <name>otp::ui::AlarmsPage</name>
    <message>
        <source>Acknowledged; your name and reason are in the audit log.</source>
        <translation>ஒப்புக்கொள்ளப்பட்டது; உங்கள் பெயரும் காரணமும் தணிக்கைப் பதிவில் உள்ளன.</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>ஒப்புக்கொள்ளப்படவில்லை: %1</translation>
    </message>
    <message>
        <source>Acknowledge alarm</source>
        <translation>எச்சரிக்கையை ஒப்புக்கொள்</translation>
    </message>
    <message>
        <source>Acknowledge “%1”? It stays active until it clears by itself; your name and reason go to the audit log and the history.</source>
        <translation>“%1” ஐ ஒப்புக்கொள்ளவா? அது தானாக நீங்கும் வரை செயலில் இருக்கும்; உங்கள் பெயரும் காரணமும் தணிக்கைப் பதிவிலும் வரலாற்றிலும் சேரும்.</translation>
    </message>
    <message>
        <source>e.g. gupshup outage confirmed, traffic moved to WATI</source>
        <translation>எ.கா. gupshup தடை உறுதி, போக்குவரத்து WATI க்கு மாற்றப்பட்டது</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>ஒப்புக்கொள்</translation>
    </message>
    <message>
        <source>Alarms raised by the health rules (vendor success and latency, outbox depth, lockouts, conversion per number block), newest first. An alarm clears by itself when its rule holds again.</source>
        <translation>நிலை விதிகளால் எழுந்த எச்சரிக்கைகள் (விற்பனையாளர் வெற்றி, தாமதம், அவுட்பாக்ஸ் ஆழம், பூட்டுகள், எண் தொகுப்பு வாரியான மாற்றம்), புதியவை முதலில். விதி மீண்டும் நிறைவேறும்போது எச்சரிக்கை தானாக நீங்கும்.</translation>
    </message>
    <message>
        <source>Only ac&amp;tive alarms</source>
        <translation>செயலில் உள்ள எச்சரிக்கைகள் மட்டும்(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>ஒப்புக்கொள்(&amp;A)…</translation>
    </message>
    <message>
        <source>Say that someone is on the selected alarm (needs a reason; audited)</source>
        <translation>தேர்ந்த எச்சரிக்கையை யாரோ கவனிக்கிறார் என்று சொல்லுங்கள் (காரணம் தேவை; தணிக்கை செய்யப்படும்)</translation>
    </message>
    <message>
        <source>Only an admin can acknowledge; your role is %1.</source>
        <translation>நிர்வாகி மட்டுமே ஒப்புக்கொள்ள முடியும்; உங்கள் பங்கு %1.</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>எச்சரிக்கைகள்</translation>
    </message>
    <message>
        <source>No active alarms right now. Clear “Only active alarms” to see the ones that have cleared.</source>
        <translation>இப்போது செயலில் உள்ள எச்சரிக்கைகள் இல்லை. நீங்கிய எச்சரிக்கைகளைக் காண “செயலில் உள்ள எச்சரிக்கைகள் மட்டும்” என்பதன் தேர்வை நீக்குங்கள்.</translation>
    </message>
    <message>
        <source>No alarms: no health rule has fired on this database yet.</source>
        <translation>எச்சரிக்கைகள் இல்லை: இந்தத் தரவுத்தளத்தில் இதுவரை எந்த நிலை விதியும் எச்சரிக்கை எழுப்பவில்லை.</translation>
    </message>
</context>
<context>
    <name>otp::ui::AuditPage</name>
    <message>
        <source>Every change a person made through the console or otpctl, newest first.</source>
        <translation>கன்சோல் அல்லது otpctl மூலம் ஒருவர் செய்த ஒவ்வொரு மாற்றமும், புதியது முதலில்.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>தணிக்கைப் பதிவு</translation>
    </message>
    <message>
        <source>Search who, phone, email, reason…</source>
        <translation>தேடுக: யார், தொலைபேசி, மின்னஞ்சல், காரணம்…</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>செயல்(&amp;A)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>அனைத்தும்</translation>
    </message>
</context>
<context>
    <name>otp::ui::ConsoleApp</name>
    <message>
        <source>Connection not switched</source>
        <translation>இணைப்பு மாற்றப்படவில்லை</translation>
    </message>
    <message>
        <source>The console stays on its current database. %1 could not be opened: %2</source>
        <translation>கன்சோல் தற்போதைய தரவுத்தளத்திலேயே இருக்கும். %1 ஐத் திறக்க முடியவில்லை: %2</translation>
    </message>
</context>
<context>
    <name>otp::ui::DashboardPage</name>
    <message>
        <source>verified</source>
        <translation>சரிபார்க்கப்பட்டது</translation>
    </message>
    <message>
        <source>delivered, not used</source>
        <translation>வழங்கப்பட்டது, பயன்படுத்தப்படவில்லை</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>தோல்வி</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>வழியில்</translation>
    </message>
    <message>
        <source>Sends per minute by outcome</source>
        <translation>விளைவு வாரியாக நிமிடத்துக்கு அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>Sends per %1 min by outcome</source>
        <translation>விளைவு வாரியாக %1 நிமிடத்துக்கு அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>தரவு இல்லை</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>ஏற்கப்பட்டது</translation>
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
        <translation>வழி வாரியாக சரிபார்க்கப்பட்ட குறியீடுகள்</translation>
    </message>
    <message>
        <source>failed sends</source>
        <translation>தோல்வியுற்ற அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>(குறியீடு இல்லை)</translation>
    </message>
    <message>
        <source>no errors</source>
        <translation>பிழைகள் இல்லை</translation>
    </message>
    <message>
        <source>%1 sends, %2 accepted (%3 %) · updated %4</source>
        <translation>%1 அனுப்புதல்கள், %2 ஏற்கப்பட்டன (%3 %) · புதுப்பிப்பு %4</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>காலம்(&amp;W)</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>கடந்த 15 நிமிடங்கள்</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>கடந்த ஒரு மணி நேரம்</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>கடந்த 24 மணி நேரம்</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>கடந்த 7 நாட்கள்</translation>
    </message>
    <message>
        <source>Delivery dashboard</source>
        <translation>விநியோக முகப்பு</translation>
    </message>
    <message>
        <source>%1: %2 %3 ms. Click: its sends in Live sends.</source>
        <translation>%1: %2 %3 ms. சொடுக்குங்கள்: நேரடி அனுப்புதல்களில் இதன் அனுப்புதல்கள்.</translation>
    </message>
    <message>
        <source>%1: %2 % of sends accepted. Click: its sends in Live sends.</source>
        <translation>%1: %2 % அனுப்புதல்கள் ஏற்கப்பட்டன. சொடுக்குங்கள்: நேரடி அனுப்புதல்களில் இதன் அனுப்புதல்கள்.</translation>
    </message>
    <message>
        <source>Latency per vendor</source>
        <translation>விற்பனையாளர் வாரியான தாமதம்</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>chart title (unit)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>மி.வி.</translation>
    </message>
    <message>
        <source>Top vendor error codes (click one for its sends)</source>
        <translation>விற்பனையாளர்களின் முதன்மைப் பிழைக் குறியீடுகள் (அதன் அனுப்புதல்களுக்குச் சொடுக்குங்கள்)</translation>
    </message>
    <message>
        <source>The vendor gave no reason.</source>
        <translation>விற்பனையாளர் காரணம் எதுவும் சொல்லவில்லை.</translation>
    </message>
    <message>
        <source>What it means: %1</source>
        <translation>இதன் பொருள்: %1</translation>
    </message>
    <message>
        <source>Success rate per vendor (target %1 %)</source>
        <translation>விற்பனையாளர் வாரியான வெற்றி விகிதம் (இலக்கு %1 %)</translation>
    </message>
    <message>
        <source>target</source>
        <translation>இலக்கு</translation>
    </message>
    <message>
        <source>Success &amp;target</source>
        <translation>வெற்றி இலக்கு(&amp;T)</translation>
    </message>
    <message>
        <source>The success rate each vendor should reach; drawn as a dashed line (remembered).</source>
        <translation>ஒவ்வொரு விற்பனையாளரும் அடைய வேண்டிய வெற்றி விகிதம்; புள்ளிக்கோடாக வரையப்படும் (நினைவில் வைக்கப்படும்).</translation>
    </message>
    <message>
        <source>now</source>
        <translation>இப்போது</translation>
    </message>
    <message numerus="yes">
        <source>%1, code %2: %n failed send(s).
%3
Click: these sends in Live sends.</source>
        <translation>
            <numerusform>%1, குறியீடு %2: %n தோல்வியுற்ற அனுப்புதல்.
%3
சொடுக்குங்கள்: நேரடி அனுப்புதல்களில் இது.</numerusform>
            <numerusform>%1, குறியீடு %2: %n தோல்வியுற்ற அனுப்புதல்கள்.
%3
சொடுக்குங்கள்: நேரடி அனுப்புதல்களில் இவை.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sends in this range</source>
        <translation>இந்தக் காலத்தில் அனுப்புதல்கள் இல்லை</translation>
    </message>
    <message>
        <source>No codes sent in this range</source>
        <translation>இந்தக் காலத்தில் குறியீடுகள் அனுப்பப்படவில்லை</translation>
    </message>
    <message>
        <source>No failed sends in this range</source>
        <translation>இந்தக் காலத்தில் தோல்வியுற்ற அனுப்புதல்கள் இல்லை</translation>
    </message>
    <message>
        <source>No code sent in this range has been verified (0 %)</source>
        <translation>இந்தக் காலத்தில் அனுப்பிய எந்தக் குறியீடும் சரிபார்க்கப்படவில்லை (0 %)</translation>
    </message>
    <message>
        <source>No vendor has answered in this range</source>
        <translation>இந்தக் காலத்தில் எந்த விற்பனையாளரும் பதிலளிக்கவில்லை</translation>
    </message>
    <message>
        <source>Every answer in this range took under 1 ms</source>
        <translation>இந்தக் காலத்தில் ஒவ்வொரு பதிலும் 1 மி.வி.க்குள் வந்தது</translation>
    </message>
    <message>
        <source>95 % of the answers in this range took under 1 ms</source>
        <translation>இந்தக் காலத்தில் 95 % பதில்கள் 1 மி.வி.க்குள் வந்தன</translation>
    </message>
</context>
<context>
    <name>otp::ui::LiveSendsPage</name>
    <message>
        <source>%1 of %2 sends</source>
        <translation>%2 இல் %1 அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>Search a phone number or email…</source>
        <translation>தொலைபேசி எண் அல்லது மின்னஞ்சலைத் தேடு…</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>குத்தகையாளர்(&amp;T)</translation>
    </message>
    <message>
        <source>Cha&amp;nnel</source>
        <translation>வழி(&amp;N)</translation>
    </message>
    <message>
        <source>Ven&amp;dor</source>
        <translation>விற்பனையாளர்(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>நிலை(&amp;S)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>அனைத்தும்</translation>
    </message>
    <message>
        <source>Double-click a send to open its destination in Phone lookup</source>
        <translation>தொலைபேசி தேடலில் திறக்க இருமுறை சொடுக்கவும்</translation>
    </message>
    <message>
        <source>Live sends</source>
        <translation>நேரடி அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>%1 · error code %2 only</source>
        <translation>%1 · பிழைக் குறியீடு %2 மட்டும்</translation>
    </message>
    <message>
        <source>Every send of the chosen time range is listed.</source>
        <translation>தேர்ந்த கால வரம்பின் ஒவ்வொரு அனுப்புதலும் பட்டியலில் உள்ளது.</translation>
    </message>
    <message>
        <source>Every send in the database is listed.</source>
        <translation>தரவுத்தளத்தின் ஒவ்வொரு அனுப்புதலும் பட்டியலில் உள்ளது.</translation>
    </message>
    <message>
        <source>The console holds at most %1 sends (the oldest listed is from %2); for older ones use otpctl history or otpctl stats, or choose a shorter time range.</source>
        <translation>கன்சோல் அதிகபட்சம் %1 அனுப்புதல்களை வைத்திருக்கும் (பழையது %2 இலிருந்து); பழையவற்றுக்கு otpctl history அல்லது otpctl stats பயன்படுத்துங்கள், அல்லது குறுகிய கால வரம்பைத் தேருங்கள்.</translation>
    </message>
    <message>
        <source>Reading older sends for the chosen time range…</source>
        <translation>தேர்ந்த கால வரம்பின் பழைய அனுப்புதல்கள் படிக்கப்படுகின்றன…</translation>
    </message>
    <message>
        <source>The newest %1 sends are held live (the oldest listed is from %2); older ones are read when you scroll to the bottom, up to %3.</source>
        <translation>புதிய %1 அனுப்புதல்கள் நேரடியாக வைக்கப்படுகின்றன (பழையது %2 இலிருந்து); கீழே உருட்டும்போது பழையவை படிக்கப்படும், %3 வரை.</translation>
    </message>
    <message>
        <source>Ti&amp;me</source>
        <translation>நேரம்(&amp;M)</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>கடந்த 15 நிமிடங்கள்</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>கடந்த ஒரு மணி நேரம்</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>கடந்த 24 மணி நேரம்</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>கடந்த 7 நாட்கள்</translation>
    </message>
    <message>
        <source>All held</source>
        <translation>வைத்திருக்கும் அனைத்தும்</translation>
    </message>
</context>
<context>
    <name>otp::ui::LockoutsPage</name>
    <message>
        <source>Not unlocked: %1</source>
        <translation>திறக்கப்படவில்லை: %1</translation>
    </message>
    <message>
        <source>That lockout is no longer active.</source>
        <translation>அந்தப் பூட்டு இனி செயலில் இல்லை.</translation>
    </message>
    <message>
        <source>Show hi&amp;story (released and ended lockouts)</source>
        <translation>வரலாற்றைக் காட்டு (நீக்கிய மற்றும் முடிந்த பூட்டுகள்)(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>திற(&amp;U)…</translation>
    </message>
    <message>
        <source>Release the selected lockout (needs a reason; audited)</source>
        <translation>தேர்ந்த பூட்டை நீக்கு (காரணம் தேவை; தணிக்கை செய்யப்படும்)</translation>
    </message>
    <message>
        <source>Only an admin can unlock; your role is %1.</source>
        <translation>நிர்வாகி மட்டுமே திறக்கலாம்; உங்கள் பங்கு %1.</translation>
    </message>
    <message>
        <source>Lockouts</source>
        <translation>பூட்டுகள்</translation>
    </message>
    <message>
        <source>Search: phone, email, tenant, reason…</source>
        <translation>தேடுக: தொலைபேசி, மின்னஞ்சல், குத்தகையாளர், காரணம்…</translation>
    </message>
</context>
<context>
    <name>otp::ui::MainWindow</name>
    <message>
        <source>Database problem: %1</source>
        <translation>தரவுத்தளச் சிக்கல்: %1</translation>
    </message>
    <message>
        <source>About OTP Console</source>
        <translation>ஓடிபி கன்சோல் பற்றி</translation>
    </message>
    <message>
        <source>&lt;b&gt;OTP Console&lt;/b&gt; %1&lt;br&gt;Operations console for one-time passwords: live sends, delivery health, lockouts and QA flows over the shared OTP core.</source>
        <translation>&lt;b&gt;ஓடிபி கன்சோல்&lt;/b&gt; %1&lt;br&gt;ஒருமுறை கடவுச்சொற்களுக்கான செயல்பாட்டு கன்சோல்: நேரடி அனுப்புதல்கள், விநியோக நிலை, பூட்டுகள் மற்றும் QA.</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>கோப்பு(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export current view as CSV…</source>
        <translation>தற்போதைய காட்சியை CSV ஆக ஏற்றுமதி(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>வெளியேறு(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>காட்சி(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>புதுப்பி(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Search live sends</source>
        <translation>நேரடி அனுப்புதல்களில் தேடு(&amp;S)</translation>
    </message>
    <message>
        <source>Phone &amp;lookup</source>
        <translation>தொலைபேசி தேடல்(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>தோற்றம்(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>வெளிர்(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>இருண்ட(&amp;D)</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>மொழி(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>செல்(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>உதவி(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>பற்றி(&amp;A)</translation>
    </message>
    <message>
        <source>%1 · role %2</source>
        <translation>%1 · பங்கு %2</translation>
    </message>
    <message>
        <source>unknown operator</source>
        <translation>அறியப்படாத இயக்குநர்</translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation>%1 ஐ CSV ஆக ஏற்றுமதி செய்</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV கோப்புகள் (*.csv)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ரத்து</translation>
    </message>
    <message>
        <source>Export finished: %1</source>
        <translation>ஏற்றுமதி முடிந்தது: %1</translation>
    </message>
    <message>
        <source>Export stopped: %1</source>
        <translation>ஏற்றுமதி நிறுத்தப்பட்டது: %1</translation>
    </message>
    <message>
        <source>The database cannot be reached: %1 — retrying. Views resume on their own; nothing you did is lost or done twice.</source>
        <translation>தரவுத்தளத்தை அணுக முடியவில்லை: %1 — மீண்டும் முயல்கிறது. காட்சிகள் தானாகவே தொடரும்; நீங்கள் செய்த எதுவும் இழக்கப்படாது, இருமுறை செய்யப்படாது.</translation>
    </message>
    <message>
        <source>Your role is now %1.</source>
        <translation>உங்கள் பங்கு இப்போது %1.</translation>
    </message>
    <message>
        <source>OTP Console alarm</source>
        <translation>OTP கன்சோல் எச்சரிக்கை</translation>
    </message>
    <message>
        <source>OTP Console</source>
        <translation>OTP கன்சோல்</translation>
    </message>
    <message numerus="yes">
        <source>Alarm: %1</source>
        <translation>
            <numerusform>எச்சரிக்கை: %1</numerusform>
            <numerusform>எச்சரிக்கை: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Alarm history…</source>
        <translation>எச்சரிக்கை வரலாறு…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n row(s)…</source>
        <translation>
            <numerusform>%n வரிசை ஏற்றுமதியாகிறது…</numerusform>
            <numerusform>%n வரிசைகள் ஏற்றுமதியாகின்றன…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::ui::ManualSendPage</name>
    <message>
        <source>Sending…</source>
        <translation>அனுப்பப்படுகிறது…</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>குத்தகையாளர்</translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation>சேருமிடம்(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>வழி(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>நோக்கம்(&amp;P)</translation>
    </message>
    <message>
        <source>Ve&amp;ndor</source>
        <translation>விற்பனையாளர்(&amp;N)</translation>
    </message>
    <message>
        <source>phone in any format, or email</source>
        <translation>எந்த வடிவிலும் தொலைபேசி, அல்லது மின்னஞ்சல்</translation>
    </message>
    <message>
        <source>default for the destination</source>
        <translation>சேருமிடத்தின் இயல்புநிலை</translation>
    </message>
    <message>
        <source>default for the channel</source>
        <translation>வழியின் இயல்புநிலை</translation>
    </message>
    <message>
        <source>&amp;Send code</source>
        <translation>குறியீட்டை அனுப்பு(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation>மீண்டும் அனுப்பு(&amp;R)</translation>
    </message>
    <message>
        <source>Message the dev vendor delivered (read the code here):</source>
        <translation>டெவ் விற்பனையாளர் வழங்கிய செய்தி (குறியீட்டை இங்கே படிக்கவும்):</translation>
    </message>
    <message>
        <source>Sends are real: they count against the destination&apos;s caps and are audited under your name.</source>
        <translation>அனுப்புதல்கள் உண்மையானவை: அவை வரம்பில் கணக்கிடப்பட்டு உங்கள் பெயரில் தணிக்கை செய்யப்படும்.</translation>
    </message>
    <message>
        <source>Only QA and admin can send codes by hand; your role is %1.</source>
        <translation>QA மற்றும் நிர்வாகி மட்டுமே கைமுறையாக அனுப்பலாம்; உங்கள் பங்கு %1.</translation>
    </message>
    <message>
        <source>Manual send</source>
        <translation>கைமுறை அனுப்புதல்</translation>
    </message>
    <message>
        <source>Type the destination and the code first.</source>
        <translation>முதலில் முகவரியையும் குறியீட்டையும் தட்டச்சு செய்யுங்கள்.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>சரிபார்க்கிறது…</translation>
    </message>
    <message>
        <source>&amp;Send code (in %1)</source>
        <translation>குறியீட்டை அனுப்பு (%1 இல்)(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Resend (in %1)</source>
        <translation>மீண்டும் அனுப்பு (%1 இல்)(&amp;R)</translation>
    </message>
    <message>
        <source>code from the message</source>
        <translation>செய்தியில் உள்ள குறியீடு</translation>
    </message>
    <message>
        <source>Verif&amp;y</source>
        <translation>சரிபார்(&amp;Y)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;br&gt;%n attempt(s) to enter it.</source>
        <translation>
            <numerusform>&lt;br&gt;உள்ளிட %n முயற்சி.</numerusform>
            <numerusform>&lt;br&gt;உள்ளிட %n முயற்சிகள்.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send: type a phone number or an email first.</source>
        <translation>அனுப்ப எதுவும் இல்லை: முதலில் தொலைபேசி எண் அல்லது மின்னஞ்சலை உள்ளிடுங்கள்.</translation>
    </message>
</context>
<context>
    <name>otp::ui::PhoneLookupPage</name>
    <message>
        <source>&lt;p&gt;Type a phone number in any format (98765 43210, +91-98765-43210, 098765…) or an email, then press Enter.&lt;/p&gt;</source>
        <translation>&lt;p&gt;எந்த வடிவிலும் தொலைபேசி எண் (98765 43210, +91-98765-43210, 098765…) அல்லது மின்னஞ்சலை உள்ளிட்டு Enter அழுத்தவும்.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Not a usable destination:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;பயன்படுத்த முடியாத சேருமிடம்:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A new code can be sent now.</source>
        <translation>புதிய குறியீட்டை இப்போது அனுப்பலாம்.</translation>
    </message>
    <message>
        <source>Sends in the last hour</source>
        <translation>கடந்த ஒரு மணி நேர அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 இல் %1</translation>
    </message>
    <message>
        <source>Sends in the last 24 hours</source>
        <translation>கடந்த 24 மணி நேர அனுப்புதல்கள்</translation>
    </message>
    <message>
        <source>Cooldown between sends</source>
        <translation>அனுப்புதல்களுக்கு இடையே காத்திருப்பு</translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation>பூட்டு</translation>
    </message>
    <message>
        <source>none</source>
        <translation>இல்லை</translation>
    </message>
    <message>
        <source>none requested yet</source>
        <translation>இதுவரை கோரப்படவில்லை</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>கணக்கு</translation>
    </message>
    <message>
        <source>#%1 %2 · %3 · profile %4</source>
        <translation>#%1 %2 · %3 · சுயவிவரம் %4</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(இன்னும் பெயர் இல்லை)</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>முழுமை</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>முழுமையற்றது</translation>
    </message>
    <message>
        <source>no account (it is created when a code is verified)</source>
        <translation>கணக்கு இல்லை (குறியீடு சரிபார்க்கப்படும்போது உருவாகும்)</translation>
    </message>
    <message>
        <source>&amp;Phone or email</source>
        <translation>தொலைபேசி அல்லது மின்னஞ்சல்(&amp;P)</translation>
    </message>
    <message>
        <source>T&amp;enant</source>
        <translation>குத்தகையாளர்(&amp;E)</translation>
    </message>
    <message>
        <source>P&amp;urpose</source>
        <translation>நோக்கம்(&amp;U)</translation>
    </message>
    <message>
        <source>e.g. 98765 43210</source>
        <translation>எ.கா. 98765 43210</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>தேடு(&amp;L)</translation>
    </message>
    <message>
        <source>Phone lookup</source>
        <translation>தொலைபேசி தேடல்</translation>
    </message>
    <message>
        <source>Unlocked. A new code can be sent now.</source>
        <translation>திறக்கப்பட்டது. புதிய குறியீட்டை இப்போது அனுப்பலாம்.</translation>
    </message>
    <message>
        <source>Unlocked. Still blocking the next code: %1.</source>
        <translation>திறக்கப்பட்டது. அடுத்த குறியீட்டை இன்னும் தடுப்பது: %1.</translation>
    </message>
    <message>
        <source>Not unlocked: %1</source>
        <translation>திறக்கப்படவில்லை: %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Nothing to look up:&lt;/b&gt; type a phone number or an email first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;தேட எதுவும் இல்லை:&lt;/b&gt; முதலில் தொலைபேசி எண் அல்லது மின்னஞ்சலைத் தட்டச்சு செய்யுங்கள்.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A new code can be sent at %1 (in %2), when %3 ends.</source>
        <translation>%3 முடியும்போது, %1 மணிக்கு (%2 இல்) புதிய குறியீட்டை அனுப்பலாம்.</translation>
    </message>
    <message>
        <source>Blocked by:</source>
        <translation>தடுப்பது:</translation>
    </message>
    <message>
        <source>%1 — until %2 (%3 left)</source>
        <translation>%1 — %2 வரை (%3 மீதம்)</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>If the caller&apos;s identity is confirmed, unlock (button below); otherwise wait %1.</source>
        <translation>அழைப்பவரின் அடையாளம் உறுதியானால் திறக்கவும் (கீழே உள்ள பொத்தான்); இல்லையெனில் %1 காத்திருக்கவும்.</translation>
    </message>
    <message>
        <source>Wait %1, or ask an admin to unlock it once the caller&apos;s identity is confirmed.</source>
        <translation>%1 காத்திருக்கவும், அல்லது அழைப்பவரின் அடையாளம் உறுதியானதும் நிர்வாகியிடம் திறக்கச் சொல்லவும்.</translation>
    </message>
    <message>
        <source>Wait %1, then ask for a new code.</source>
        <translation>%1 காத்திருந்து, பின் புதிய குறியீட்டைக் கேளுங்கள்.</translation>
    </message>
    <message>
        <source>Wait %1 for %2 to free a slot; unlocking does not change it.</source>
        <translation>%2 இல் இடம் கிடைக்க %1 காத்திருக்கவும்; திறப்பது இதை மாற்றாது.</translation>
    </message>
    <message>
        <source>Wait %1; if many numbers of this block keep asking, tell an admin (possible SMS pumping).</source>
        <translation>%1 காத்திருக்கவும்; இந்தத் தொகுப்பின் பல எண்கள் தொடர்ந்து கேட்டால் நிர்வாகியிடம் சொல்லவும் (SMS பம்பிங் இருக்கலாம்).</translation>
    </message>
    <message>
        <source>Unlocking alone would not help: %1 holds longer.</source>
        <translation>திறப்பது மட்டும் உதவாது: %1 நீண்ட நேரம் தடுக்கிறது.</translation>
    </message>
    <message>
        <source>The vendor refused the last code (%1): check the address, then send again.</source>
        <translation>விற்பனையாளர் கடைசிக் குறியீட்டை மறுத்தார் (%1): முகவரியைச் சரிபார்த்து, மீண்டும் அனுப்புங்கள்.</translation>
    </message>
    <message>
        <source>The vendor refused the last code (%1): try %2.</source>
        <translation>விற்பனையாளர் கடைசிக் குறியீட்டை மறுத்தார் (%1): %2 முயற்சிக்கவும்.</translation>
    </message>
    <message>
        <source>The vendor did not confirm the last code: it works if it arrives. If nothing arrives, send a new one.</source>
        <translation>விற்பனையாளர் கடைசிக் குறியீட்டை உறுதிப்படுத்தவில்லை: வந்தால் வேலை செய்யும். எதுவும் வராவிட்டால் புதியதை அனுப்புங்கள்.</translation>
    </message>
    <message>
        <source>The user can enter the code sent (valid %1 more), or ask for a new one.</source>
        <translation>பயனர் அனுப்பிய குறியீட்டை உள்ளிடலாம் (இன்னும் %1 செல்லும்), அல்லது புதியதைக் கேட்கலாம்.</translation>
    </message>
    <message>
        <source>The last code expired: the user can ask for a new one.</source>
        <translation>கடைசிக் குறியீடு காலாவதியானது: பயனர் புதியதைக் கேட்கலாம்.</translation>
    </message>
    <message>
        <source>The user can ask for a code.</source>
        <translation>பயனர் குறியீட்டைக் கேட்கலாம்.</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>அடுத்த படி:</translation>
    </message>
    <message>
        <source>%1, until %2 (%3 left)</source>
        <translation>%1, %2 வரை (%3 மீதம்)</translation>
    </message>
    <message>
        <source>Latest %1 code</source>
        <translation>சமீபத்திய %1 குறியீடு</translation>
    </message>
    <message>
        <source> · by %1 via %2 · %3</source>
        <translation> · %1 வழி, %2 மூலம் · %3</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>திற(&amp;U)…</translation>
    </message>
    <message>
        <source>Release this destination&apos;s lockout (needs a reason; audited)</source>
        <translation>இந்த முகவரியின் பூட்டை நீக்கு (காரணம் தேவை; தணிக்கை செய்யப்படும்)</translation>
    </message>
    <message numerus="yes">
        <source> · %n attempt(s) left</source>
        <translation>
            <numerusform> · %n முயற்சி மீதம்</numerusform>
            <numerusform> · %n முயற்சிகள் மீதம்</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>otp::ui::ProfileDialog</name>
    <message>
        <source>SQLite database file</source>
        <translation>SQLite தரவுத்தளக் கோப்பு</translation>
    </message>
    <message>
        <source>SQLite (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite (*.db *.sqlite);;அனைத்து கோப்புகளும் (*)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the built-in profile&apos;s name</source>
        <translation>&apos;%1&apos; என்பது உள்ளமைந்த சுயவிவரத்தின் பெயர்</translation>
    </message>
    <message>
        <source>the SQLite file needs an absolute path</source>
        <translation>SQLite கோப்புக்கு முழுமையான பாதை தேவை</translation>
    </message>
    <message>
        <source>the server profile names no user</source>
        <translation>சேவையகச் சுயவிவரத்தில் பயனர் குறிப்பிடப்படவில்லை</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>இணைப்பு %1</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>புதிய இணைப்பு</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>பெயர்(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>எஞ்சின்(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>கோப்பு(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>ஹோஸ்ட்(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>போர்ட்(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>தரவுத்தளம்(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>பயனர்(&amp;U)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>கடவுச்சொல்(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>உலாவு(&amp;B)…</translation>
    </message>
    <message>
        <source>leave empty to keep the stored password</source>
        <translation>சேமித்த கடவுச்சொல்லை வைத்திருக்க காலியாக விடவும்</translation>
    </message>
    <message>
        <source>kept in the keychain, never in settings</source>
        <translation>கீசெயினில் வைக்கப்படும், அமைப்புகளில் ஒருபோதும் இல்லை</translation>
    </message>
    <message>
        <source>e.g. staging-pg</source>
        <translation>எ.கா. staging-pg</translation>
    </message>
</context>
<context>
    <name>otp::ui::SettingsPage</name>
    <message>
        <source>Saved: %1</source>
        <translation>சேமிக்கப்பட்டது: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>சேமிக்கப்படவில்லை: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Database:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Dev vendor outbox:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;தரவுத்தளம்:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;டெவ் விற்பனையாளர் வெளிப்பெட்டி:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed in as:&lt;/b&gt; %1 (%2), role &lt;b&gt;%3&lt;/b&gt;%4</source>
        <translation>&lt;b&gt;உள்நுழைந்தவர்:&lt;/b&gt; %1 (%2), பங்கு &lt;b&gt;%3&lt;/b&gt;%4</translation>
    </message>
    <message>
        <source> — not in the operators table, so read-mostly support</source>
        <translation> — இயக்குநர் அட்டவணையில் இல்லை, எனவே படிக்க-மட்டும் ஆதரவு</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>தோற்றம்(&amp;T)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>வெளிர்</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>இருண்ட</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>மொழி(&amp;L)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Policy per tenant&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;குத்தகையாளர் வாரியான கொள்கை&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <source>double-click a value to change it, then Save</source>
        <translation>மாற்ற மதிப்பை இருமுறை சொடுக்கி, பின் சேமிக்கவும்</translation>
    </message>
    <message>
        <source>read-only: only an admin can change it</source>
        <translation>படிக்க மட்டும்: நிர்வாகி மட்டுமே மாற்றலாம்</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>குத்தகையாளர்</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>நோக்கம்</translation>
    </message>
    <message>
        <source>all purposes</source>
        <translation>அனைத்து நோக்கங்களும்</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>ஏற்று</translation>
    </message>
    <message>
        <source>&amp;Save policy</source>
        <translation>கொள்கையை சேமி(&amp;S)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>அமைப்புகள்</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>சேமிக்கப்பட்டது.</translation>
    </message>
    <message>
        <source>This window was opened on %1 by --db or OTP_DB; connecting to a profile replaces it.</source>
        <translation>இந்தச் சாளரம் --db அல்லது OTP_DB மூலம் %1 இல் திறக்கப்பட்டது; ஒரு சுயவிவரத்துடன் இணைத்தால் அது மாற்றப்படும்.</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>இணைப்பை நீக்கு</translation>
    </message>
    <message>
        <source>Remove the profile %1 and its stored password?</source>
        <translation>சுயவிவரம் %1 ஐயும் அதன் சேமித்த கடவுச்சொல்லையும் நீக்கவா?</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 சோதிக்கப்படுகிறது…</translation>
    </message>
    <message>
        <source>%1: %2 — switching…</source>
        <translation>%1: %2 — மாற்றப்படுகிறது…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>%1 ஐ அணுக முடியவில்லை: %2</translation>
    </message>
    <message>
        <source>Remove vendor</source>
        <translation>விற்பனையாளரை நீக்கு</translation>
    </message>
    <message>
        <source>Remove the vendor %1? Sends routed to it will fail over to the next vendor of the route.</source>
        <translation>விற்பனையாளர் %1 ஐ நீக்கவா? அதற்குச் செலுத்தப்படும் அனுப்புதல்கள் வழித்தடத்தின் அடுத்த விற்பனையாளருக்கு மாறும்.</translation>
    </message>
    <message>
        <source>Remove, and delete %1</source>
        <translation>நீக்கி, %1 ஐயும் அழி</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>நீக்கு</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 சேமிக்கப்படுகிறது…</translation>
    </message>
    <message>
        <source>Choose a connection first.</source>
        <translation>முதலில் ஒரு இணைப்பைத் தேர்ந்தெடுக்கவும்.</translation>
    </message>
    <message>
        <source>%1 is the connection in use.</source>
        <translation>%1 தான் பயன்பாட்டில் உள்ள இணைப்பு.</translation>
    </message>
    <message>
        <source>Testing %1 before switching…</source>
        <translation>மாற்றும் முன் %1 சோதிக்கப்படுகிறது…</translation>
    </message>
    <message>
        <source>General</source>
        <translation>பொது</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>இணைப்புகள்</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>விற்பனையாளர்கள்</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>கொள்கைகள்</translation>
    </message>
    <message>
        <source>&lt;b&gt;Database connections&lt;/b&gt; — the console opens the one marked in use; server passwords are kept in the keychain, never in the settings file</source>
        <translation>&lt;b&gt;தரவுத்தள இணைப்புகள்&lt;/b&gt; — பயன்பாட்டில் எனக் குறிக்கப்பட்டதைக் கன்சோல் திறக்கும்; சேவையகக் கடவுச்சொற்கள் கீசெயினில் வைக்கப்படும், அமைப்புக் கோப்பில் ஒருபோதும் இல்லை</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delivery vendors&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;விநியோக விற்பனையாளர்கள்&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <source>credentials go to the keychain and are never shown again; changes apply here at once</source>
        <translation>நற்சான்றுகள் கீசெயினுக்குச் செல்லும், மீண்டும் காட்டப்படாது; மாற்றங்கள் இங்கே உடனே பொருந்தும்</translation>
    </message>
    <message>
        <source>read-only: only an admin can change vendors</source>
        <translation>படிக்க மட்டும்: நிர்வாகி மட்டுமே விற்பனையாளர்களை மாற்றலாம்</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>புதியது(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>திருத்து(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>இணைப்பைச் சோதி(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>இணை(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Add vendor…</source>
        <translation>விற்பனையாளரைச் சேர்(&amp;A)…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>மீண்டும் ஏற்று</translation>
    </message>
    <message>
        <source>Message templates</source>
        <translation>செய்தி வார்ப்புருக்கள்</translation>
    </message>
    <message>
        <source>No vendor is stored in this database, so every send goes to the built-in development vendor “dev” (this machine&apos;s outbox or the vendor simulator), never to a real phone or mailbox. Add a vendor to send for real.</source>
        <translation>இந்தத் தரவுத்தளத்தில் எந்த விற்பனையாளரும் சேமிக்கப்படவில்லை; அதனால் ஒவ்வொரு அனுப்புதலும் உள்ளமைந்த மேம்பாட்டு விற்பனையாளர் “dev”-க்கே (இந்தக் கணினியின் அவுட்பாக்ஸ் அல்லது விற்பனையாளர் சிமுலேட்டர்) செல்கிறது, உண்மையான தொலைபேசிக்கோ அஞ்சல் பெட்டிக்கோ ஒருபோதும் அல்ல. உண்மையாக அனுப்ப ஒரு விற்பனையாளரைச் சேர்க்கவும்.</translation>
    </message>
</context>
<context>
    <name>otp::ui::TemplatesEditor</name>
    <message>
        <source>Not saved: only an admin can change message templates (your role: %1).</source>
        <translation>சேமிக்கப்படவில்லை: நிர்வாகி மட்டுமே செய்தி வார்ப்புருக்களை மாற்ற முடியும் (உங்கள் பங்கு: %1).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>சேமிக்கப்படவில்லை: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>சேமிக்கிறது…</translation>
    </message>
    <message>
        <source>Not removed: only an admin can change message templates (your role: %1).</source>
        <translation>நீக்கப்படவில்லை: நிர்வாகி மட்டுமே செய்தி வார்ப்புருக்களை மாற்ற முடியும் (உங்கள் பங்கு: %1).</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>நீக்குகிறது…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Message templates&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;செய்தி வார்ப்புருக்கள்&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <source>the text each code travels in; choose a row, edit it below, then Save</source>
        <translation>ஒவ்வொரு குறியீடும் செல்லும் உரை; ஒரு வரிசையைத் தேர்ந்தெடுத்து, கீழே திருத்தி, பின் சேமிக்கவும்</translation>
    </message>
    <message>
        <source>read-only: only an admin can change them</source>
        <translation>படிக்க மட்டும்: நிர்வாகி மட்டுமே இவற்றை மாற்றலாம்</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>குத்தகையாளர்(&amp;T)</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>ஏற்று</translation>
    </message>
    <message>
        <source>Tenant &lt;b&gt;%1&lt;/b&gt; sends its codes in &lt;b&gt;%2&lt;/b&gt; (message_language); {app} is &lt;b&gt;%3&lt;/b&gt;%4 (app_name). Bold rows are the tenant&apos;s own text; the others are built in.</source>
        <translation>குத்தகையாளர் &lt;b&gt;%1&lt;/b&gt; தன் குறியீடுகளை &lt;b&gt;%2&lt;/b&gt; மொழியில் அனுப்புகிறார் (message_language); {app} என்பது &lt;b&gt;%3&lt;/b&gt;%4 (app_name). தடித்த வரிசைகள் குத்தகையாளரின் சொந்த உரை; மற்றவை உள்ளமைந்தவை.</translation>
    </message>
    <message>
        <source> — the tenant&apos;s name, no app_name is set</source>
        <translation> — குத்தகையாளரின் பெயர், app_name அமைக்கப்படவில்லை</translation>
    </message>
    <message>
        <source>&lt;b&gt;Edit:&lt;/b&gt;</source>
        <translation>&lt;b&gt;திருத்து:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>நோக்கம்</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>வழி</translation>
    </message>
    <message>
        <source>Language: a shipped one, or type a two-letter code (ISO 639-1)</source>
        <translation>மொழி: வழங்கப்பட்ட ஒன்று, அல்லது இரண்டு எழுத்துக் குறியீட்டைத் தட்டச்சு செய்யவும் (ISO 639-1)</translation>
    </message>
    <message>
        <source>Insert:</source>
        <translation>செருகு:</translation>
    </message>
    <message>
        <source>The code itself; exactly once</source>
        <translation>குறியீடு தானே; சரியாக ஒருமுறை</translation>
    </message>
    <message>
        <source>How many minutes the code stays valid</source>
        <translation>குறியீடு எத்தனை நிமிடங்கள் செல்லுபடியாகும்</translation>
    </message>
    <message>
        <source>The app&apos;s name (app_name, else the tenant)</source>
        <translation>செயலியின் பெயர் (app_name, இல்லையெனில் குத்தகையாளர்)</translation>
    </message>
    <message>
        <source>The purpose in words, e.g. password reset</source>
        <translation>நோக்கம் சொற்களில், எ.கா. கடவுச்சொல் மீட்டமைப்பு</translation>
    </message>
    <message>
        <source>The message text, with {code} once</source>
        <translation>செய்தி உரை, {code} ஒருமுறை</translation>
    </message>
    <message numerus="yes">
        <source>Preview (sample code %1, %n minute(s))</source>
        <translation>
            <numerusform>முன்னோட்டம் (மாதிரிக் குறியீடு %1, %n நிமிடம்)</numerusform>
            <numerusform>முன்னோட்டம் (மாதிரிக் குறியீடு %1, %n நிமிடங்கள்)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>வார்ப்புருவைச் சேமி(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove (back to built-in)</source>
        <translation>நீக்கு, உள்ளமைந்ததற்குத் திரும்பு(&amp;R)</translation>
    </message>
</context>
<context>
    <name>otp::ui::UnlockDialog</name>
    <message>
        <source>Unlock %1</source>
        <translation>%1 ஐத் திற</translation>
    </message>
    <message>
        <source>Why is %1 being unlocked? The reason is kept in the audit log with your name.</source>
        <translation>%1 ஏன் திறக்கப்படுகிறது? காரணம் உங்கள் பெயருடன் தணிக்கைப் பதிவில் வைக்கப்படும்.</translation>
    </message>
    <message>
        <source>e.g. caller proved their identity on a recorded line</source>
        <translation>எ.கா. அழைப்பாளர் பதிவு செய்யப்பட்ட அழைப்பில் அடையாளத்தை நிரூபித்தார்</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>திற</translation>
    </message>
</context>
<context>
    <name>otp::ui::VendorDialog</name>
    <message>
        <source>enter the credential: none is stored under %1 yet</source>
        <translation>நற்சான்றை உள்ளிடவும்: %1 இன் கீழ் இன்னும் எதுவும் சேமிக்கப்படவில்லை</translation>
    </message>
    <message>
        <source>name the secret the credential is kept under</source>
        <translation>நற்சான்று வைக்கப்படும் ரகசியத்துக்குப் பெயரிடவும்</translation>
    </message>
    <message>
        <source>Vendor %1</source>
        <translation>விற்பனையாளர் %1</translation>
    </message>
    <message>
        <source>New vendor</source>
        <translation>புதிய விற்பனையாளர்</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>பெயர்(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>வகை(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Enabled: sends may be routed to it</source>
        <translation>இயக்கப்பட்டது(&amp;E): அனுப்புதல்கள் இதற்குச் செலுத்தப்படலாம்</translation>
    </message>
    <message>
        <source>Credential &amp;name</source>
        <translation>நற்சான்றுப் பெயர்(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Credential</source>
        <translation>நற்சான்று(&amp;C)</translation>
    </message>
    <message>
        <source>e.g. vendor/gupshup (empty for an SMTP server without login)</source>
        <translation>எ.கா. vendor/gupshup (உள்நுழைவு இல்லாத SMTP சேவையகத்துக்குக் காலியாக விடவும்)</translation>
    </message>
    <message>
        <source>stored in the keychain — leave empty to keep it</source>
        <translation>கீசெயினில் சேமிக்கப்பட்டுள்ளது — அதை வைத்திருக்க காலியாக விடவும்</translation>
    </message>
    <message>
        <source>password or API token; kept in the keychain only</source>
        <translation>கடவுச்சொல் அல்லது API டோக்கன்; கீசெயினில் மட்டுமே வைக்கப்படும்</translation>
    </message>
</context>
<context>
    <name>otp::ui::VendorHealthPanel</name>
    <message>
        <source>Done: %1</source>
        <translation>முடிந்தது: %1</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>மாற்றப்படவில்லை: %1</translation>
    </message>
    <message>
        <source>Force %1 open</source>
        <translation>%1 ஐக் கைமுறையாக நிறுத்து</translation>
    </message>
    <message>
        <source>Sends will skip %1 (next vendor, then the fallback channel) until an admin closes it again. Why? The reason is kept in the audit log with your name.</source>
        <translation>நிர்வாகி மீண்டும் மூடும் வரை அனுப்புதல்கள் %1 ஐத் தவிர்க்கும் (அடுத்த விற்பனையாளர், பின் மாற்று சேனல்). ஏன்? காரணம் உங்கள் பெயருடன் தணிக்கைப் பதிவில் வைக்கப்படும்.</translation>
    </message>
    <message>
        <source>e.g. Gupshup status page reports an SMS outage</source>
        <translation>எ.கா. Gupshup நிலைப் பக்கம் SMS தடையைக் காட்டுகிறது</translation>
    </message>
    <message>
        <source>Force open</source>
        <translation>கைமுறையாக நிறுத்து</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>%1 ஐ மீண்டும் இயக்கு</translation>
    </message>
    <message>
        <source>Sends will use %1 again at once, and its failure counts start afresh. Why? The reason is kept in the audit log with your name.</source>
        <translation>அனுப்புதல்கள் உடனே மீண்டும் %1 ஐப் பயன்படுத்தும், அதன் தோல்வி எண்ணிக்கை புதிதாகத் தொடங்கும். ஏன்? காரணம் உங்கள் பெயருடன் தணிக்கைப் பதிவில் வைக்கப்படும்.</translation>
    </message>
    <message>
        <source>e.g. the vendor confirmed the outage is over</source>
        <translation>எ.கா. தடை முடிந்தது என்று விற்பனையாளர் உறுதிப்படுத்தினார்</translation>
    </message>
    <message>
        <source>Close breaker</source>
        <translation>பிரேக்கரை மூடு</translation>
    </message>
    <message>
        <source>Vendor health and circuit breakers</source>
        <translation>விற்பனையாளர் நிலை, பிரேக்கர்கள்</translation>
    </message>
    <message>
        <source>Force &amp;open…</source>
        <translation>நிறுத்து(&amp;O)…</translation>
    </message>
    <message>
        <source>Routes skip the selected vendor until an admin closes it (needs a reason; audited)</source>
        <translation>நிர்வாகி மூடும் வரை வழிகள் தேர்ந்த விற்பனையாளரைத் தவிர்க்கும் (காரணம் தேவை; தணிக்கை செய்யப்படும்)</translation>
    </message>
    <message>
        <source>&amp;Close…</source>
        <translation>இயக்கு(&amp;C)…</translation>
    </message>
    <message>
        <source>Routes use the selected vendor again (needs a reason; audited)</source>
        <translation>வழிகள் தேர்ந்த விற்பனையாளரை மீண்டும் பயன்படுத்தும் (காரணம் தேவை; தணிக்கை செய்யப்படும்)</translation>
    </message>
</context>
</TS>
