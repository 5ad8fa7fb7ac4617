#include "SimCommandLine.h"

#include "SimHttp.h"

#include <limits>

namespace otp::vendorsim {

namespace {
bool refuse(QString* error, const QString& why)
{
    *error = why;
    return false;
}

QString fromEnv(const char* name, const QString& fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

QCommandLineOption option(const char* name, const QString& help, const char* valueName = nullptr,
                          const char* defaultValue = nullptr)
{
    return QCommandLineOption(QLatin1String(name), help, valueName ? QLatin1String(valueName) : QString(),
                              defaultValue ? QLatin1String(defaultValue) : QString());
}
} // namespace

SimCommandLine::SimCommandLine()
{
    m_parser.setApplicationDescription(tr(
        "Serves the Gupshup Enterprise SMS, WATI and MyOperator WhatsApp HTTP APIs for tests and demos.\n"
        "Vendor endpoints: GET|POST /GatewayAPI/rest, POST [/<tenant>]/api/v1|v2/sendTemplateMessage,\n"
        "POST /chat/messages. Control: GET /_sim/health, GET|DELETE /_sim/inbox[?to=DIGITS&vendor=NAME],\n"
        "GET|DELETE /_sim/stats, GET|POST|DELETE /_sim/faults, DELETE /_sim/faults/<id>,\n"
        "GET /_sim/receipt?message_id=ID&outcome=delivered|failed[&form=get|post] (the vendor's delivery report),\n"
        "GET|POST|DELETE /_sim/receipts (the receipt callbacks: POST {\"urls\":{\"wati\":URL},\"delay_ms\":N,\n"
        "\"fail_rate\":X,\"gupshup_method\":\"get\",\"retries\":N,\"retry_ms\":N}, any key; DELETE stops them).\n"
        "Credentials default to the environment (OTP_SIM_GUPSHUP_USER, OTP_SIM_GUPSHUP_PASSWORD,\n"
        "OTP_SIM_WATI_TOKEN, OTP_SIM_MYOP_TOKEN, OTP_SIM_MYOP_COMPANY), then to sim-user, sim-password,\n"
        "sim-wati-token, sim-myop-token, sim-company."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    addServerOptions();
    addVendorOptions();
    addReceiptOptions();
}

void SimCommandLine::addServerOptions()
{
    m_parser.addOptions({
        option("port", tr("TCP port to listen on; 0 picks a free one (default 0)."), "N", "0"),
        option("host", tr("Address to listen on (default 127.0.0.1)."), "ADDRESS", "127.0.0.1"),
        option("latency-ms", tr("Delay added to every vendor request, in milliseconds (default 0)."), "N", "0"),
        option("seed", tr("Seed for the fault rate and receipt failure dice (default 1)."), "N", "1"),
        option("inbox-limit", tr("Keep at most N messages in the inbox, oldest dropped (default 100000)."), "N",
               "100000"),
        option("port-file", tr("Write the bound port to PATH (atomically) once listening."), "PATH"),
        option("quiet", tr("Do not log one line per request.")),
    });
}

void SimCommandLine::addVendorOptions()
{
    m_parser.addOptions({
        option("gupshup-user", tr("Gupshup userid to accept."), "U"),
        option("gupshup-password", tr("Gupshup password to accept."), "P"),
        option("wati-token", tr("WATI bearer token to accept."), "T"),
        option("myoperator-token", tr("MyOperator bearer token to accept."), "T"),
        option("myoperator-company", tr("MyOperator X-MYOP-COMPANY-ID to accept."), "C"),
        option("myoperator-shape",
               tr("MyOperator success body: sent (\"Message Sent\"), accepted (\"Accepted\" with data ids, the "
                  "default) or alternate."),
               "SHAPE", "accepted"),
        option("enforce",
               tr("Vendor rules to enforce, comma-separated: otp-button (MyOperator OTP templates need the code in "
                  "their copy-code button), dlt (Gupshup SMS to +91 need principalEntityId and dltTemplateId)."),
               "RULES"),
        option("dlt-template",
               tr("A registered DLT template, ID=TEXT with {#var#} for each variable (repeatable); with --enforce "
                  "dlt an SMS to +91 must match its template word for word."),
               "ID=TEXT"),
    });
}

void SimCommandLine::addReceiptOptions()
{
    m_parser.addOptions({
        option("receipt-url-gupshup",
               tr("Call Gupshup's delivery reports back to URL, used whole (none by default)."), "URL"),
        option("receipt-url-wati",
               tr("Call WATI's webhooks (sentMessageDELIVERED[_v2], templateMessageFailed) back to URL."), "URL"),
        option("receipt-url-myoperator",
               tr("Call MyOperator's status callbacks ({\"event_type\", \"payload\"}) back to URL."), "URL"),
        option("receipt-delay-ms", tr("Time from accepting a message to its receipt callback (default 1500)."), "N",
               "1500"),
        option("receipt-fail-rate",
               tr("Fraction of receipts reported failed, with the vendor's own failure fields (default 0)."), "X",
               "0"),
        option("receipt-gupshup-method",
               tr("Gupshup reports by get (the report in the URL's query) or post (a JSON array; the default)."),
               "METHOD", "post"),
        option("receipt-retries",
               tr("Further tries of a callback not answered with 2xx (default 2)."), "N", "2"),
        option("receipt-retry-ms",
               tr("Wait before the first retry, doubled for each next one (default 500)."), "N", "500"),
    });
}

int SimCommandLine::number(const char* name, int min, int max, bool* ok) const
{
    const qlonglong n = m_parser.value(QLatin1String(name)).toLongLong(ok);
    *ok = *ok && n >= min && n <= max;
    return *ok ? int(n) : 0;
}

bool SimCommandLine::readServer(Settings* s, QString* error) const
{
    bool ok = false;
    s->port = quint16(number("port", 0, 65535, &ok));
    if (!ok)
        return refuse(error, tr("--port must be a number between 0 and 65535"));
    s->config.latencyMs = number("latency-ms", 0, std::numeric_limits<int>::max(), &ok);
    if (!ok)
        return refuse(error, tr("--latency-ms must be a number >= 0"));
    s->config.seed = m_parser.value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok)
        return refuse(error, tr("--seed must be a non-negative number"));
    s->config.inboxLimit = number("inbox-limit", 1, std::numeric_limits<int>::max(), &ok);
    if (!ok)
        return refuse(error, tr("--inbox-limit must be a number >= 1"));
    s->config.logRequests = !m_parser.isSet(QStringLiteral("quiet"));
    s->portFile = m_parser.value(QStringLiteral("port-file"));
    s->hostText = m_parser.value(QStringLiteral("host"));
    if (s->hostText == QLatin1String("localhost"))
        s->host = QHostAddress(QHostAddress::LocalHost);
    else if (!s->host.setAddress(s->hostText))
        return refuse(error, tr("--host must be an IP address, e.g. 127.0.0.1"));
    return true;
}

bool SimCommandLine::readVendors(VendorSimulator::Config* c, QString* error) const
{
    const auto given = [this](const char* name, const char* env, QString* out) {
        *out = fromEnv(env, *out);
        if (m_parser.isSet(QLatin1String(name)))
            *out = m_parser.value(QLatin1String(name));
    };
    given("gupshup-user", "OTP_SIM_GUPSHUP_USER", &c->gupshupUser);
    given("gupshup-password", "OTP_SIM_GUPSHUP_PASSWORD", &c->gupshupPassword);
    given("wati-token", "OTP_SIM_WATI_TOKEN", &c->watiToken);
    given("myoperator-token", "OTP_SIM_MYOP_TOKEN", &c->myOperatorToken);
    given("myoperator-company", "OTP_SIM_MYOP_COMPANY", &c->myOperatorCompany);

    const QString shape = m_parser.value(QStringLiteral("myoperator-shape")).toLower();
    if (shape == QLatin1String("sent"))
        c->myOperatorShape = VendorSimulator::MyOperatorShape::Sent;
    else if (shape == QLatin1String("accepted"))
        c->myOperatorShape = VendorSimulator::MyOperatorShape::Accepted;
    else if (shape == QLatin1String("alternate"))
        c->myOperatorShape = VendorSimulator::MyOperatorShape::Alternate;
    else
        return refuse(error, tr("--myoperator-shape must be sent, accepted or alternate"));
    for (const QString& rule : m_parser.value(QStringLiteral("enforce")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (rule.trimmed() == QLatin1String("otp-button"))
            c->requireOtpButton = true;
        else if (rule.trimmed() == QLatin1String("dlt"))
            c->enforceDlt = true;
        else
            return refuse(error, tr("--enforce knows otp-button and dlt, not '%1'").arg(rule.trimmed()));
    }
    for (const QString& entry : m_parser.values(QStringLiteral("dlt-template"))) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return refuse(error, tr("--dlt-template must be ID=TEXT, not '%1'").arg(entry));
        c->dltTemplates.insert(entry.left(eq).trimmed(), entry.mid(eq + 1));
    }
    return true;
}

bool SimCommandLine::readReceipts(VendorSimulator::ReceiptSettings* r, QString* error) const
{
    for (const QString& vendor : {kGupshup, kWati, kMyOperator}) {
        const QString name = QStringLiteral("receipt-url-") + vendor;
        if (!m_parser.isSet(name))
            continue;
        const QUrl url(m_parser.value(name), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return refuse(error, tr("--%1 must be an http(s) URL").arg(name));
        r->urls.insert(vendor, url);
    }
    bool ok = false;
    r->delayMs = number("receipt-delay-ms", 0, 86400000, &ok);
    if (!ok)
        return refuse(error, tr("--receipt-delay-ms must be a number >= 0"));
    r->failRate = m_parser.value(QStringLiteral("receipt-fail-rate")).toDouble(&ok);
    if (!ok || r->failRate < 0.0 || r->failRate > 1.0)
        return refuse(error, tr("--receipt-fail-rate must be a number between 0 and 1"));
    const QString method = m_parser.value(QStringLiteral("receipt-gupshup-method")).toLower();
    if (method != QLatin1String("get") && method != QLatin1String("post"))
        return refuse(error, tr("--receipt-gupshup-method must be get or post"));
    r->gupshupGet = method == QLatin1String("get");
    r->retries = number("receipt-retries", 0, 10, &ok);
    if (!ok)
        return refuse(error, tr("--receipt-retries must be a number between 0 and 10"));
    r->retryMs = number("receipt-retry-ms", 0, 86400000, &ok);
    if (!ok)
        return refuse(error, tr("--receipt-retry-ms must be a number >= 0"));
    return true;
}

std::optional<SimCommandLine::Settings> SimCommandLine::parse(const QCoreApplication& app, QString* error)
{
    m_parser.process(app);
    Settings s;
    if (!readServer(&s, error) || !readVendors(&s.config, error) || !readReceipts(&s.config.receipts, error))
        return std::nullopt;
    return s;
}

} // namespace otp::vendorsim
