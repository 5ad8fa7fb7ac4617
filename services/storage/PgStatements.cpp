#include "PgStatements.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlField>

#include <libpq-fe.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

namespace otp {

namespace {

// libpq's type OIDs (server/catalog/pg_type_d.h, stable across versions), mapped as QPSQL maps them.
enum : Oid {
    kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kRegproc = 24, kOid = 26, kXid = 28, kCid = 29,
    kFloat4 = 700, kFloat8 = 701, kDate = 1082, kTime = 1083, kTimestamp = 1114, kTimestampTz = 1184,
    kTimeTz = 1266, kNumeric = 1700,
};

QMetaType metaTypeOf(Oid type)
{
    switch (type) {
    case kBool: return QMetaType(QMetaType::Bool);
    case kInt8: return QMetaType(QMetaType::LongLong);
    case kInt2: case kInt4: case kOid: case kRegproc: case kXid: case kCid: return QMetaType(QMetaType::Int);
    case kNumeric: case kFloat4: case kFloat8: return QMetaType(QMetaType::Double);
    case kDate: return QMetaType(QMetaType::QDate);
    case kTime: case kTimeTz: return QMetaType(QMetaType::QTime);
    case kTimestamp: case kTimestampTz: return QMetaType(QMetaType::QDateTime);
    case kBytea: return QMetaType(QMetaType::QByteArray);
    default: return QMetaType(QMetaType::QString);
    }
}

QVariant valueOf(const char* text, int length, int metaType)
{
    const QByteArray bytes = QByteArray::fromRawData(text, length);
    switch (metaType) {
    case QMetaType::Bool: return QVariant(length > 0 && text[0] == 't');
    case QMetaType::LongLong: // as QPSQL: a bigint that is not negative comes as unsigned
        return bytes.startsWith('-') ? QVariant(bytes.toLongLong()) : QVariant(bytes.toULongLong());
    case QMetaType::Int: return QVariant(bytes.toInt());
    case QMetaType::Double: {
        if (bytes == "NaN")
            return QVariant(std::nan(""));
        if (bytes == "Infinity" || bytes == "-Infinity")
            return QVariant(bytes.startsWith('-') ? -HUGE_VAL : HUGE_VAL);
        return QVariant(bytes.toDouble());
    }
    case QMetaType::QDate: return QVariant(QDate::fromString(QString::fromLatin1(bytes), Qt::ISODate));
    case QMetaType::QTime: return QVariant(QTime::fromString(QString::fromLatin1(bytes.left(12)), Qt::ISODateWithMs));
    case QMetaType::QDateTime: {
        // "2026-12-01 03:22:00.123+00": ISO 8601 but for the space and a zone without minutes.
        QString iso = QString::fromLatin1(bytes);
        iso.replace(10, 1, QLatin1Char('T'));
        static const QRegularExpression shortZone(QStringLiteral("([+-]\\d\\d)$"));
        iso.replace(shortZone, QStringLiteral("\\1:00"));
        return QVariant(QDateTime::fromString(iso, Qt::ISODateWithMs));
    }
    case QMetaType::QByteArray: {
        size_t size = 0;
        unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
        QVariant v(QByteArray(reinterpret_cast<const char*>(raw), qsizetype(size)));
        PQfreemem(raw);
        return v;
    }
    default: return QVariant(QString::fromUtf8(text, length));
    }
}

// An integer's decimal text: std::to_chars, a tenth of QByteArray::number's instructions (the most
// frequent bound type: every timestamp and id).
template <typename Integer>
QByteArray decimal(Integer value)
{
    char text[24];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return QByteArray(text, qsizetype(end - text));
}

// A bound value as PostgreSQL's text input reads it for the parameter's type, which the server infers
// from where `$n` stands, as it did for QPSQL's PREPARE. Booleans as 1/0, which both boolean and integer
// parameters read.
QByteArray textOf(const QVariant& v)
{
    switch (v.typeId()) {
    case QMetaType::Bool: return v.toBool() ? QByteArrayLiteral("1") : QByteArrayLiteral("0");
    case QMetaType::Int: case QMetaType::Short: case QMetaType::Long: case QMetaType::LongLong:
        return decimal(v.toLongLong());
    case QMetaType::UInt: case QMetaType::UShort: case QMetaType::ULong: case QMetaType::ULongLong:
        return decimal(v.toULongLong());
    case QMetaType::Double: case QMetaType::Float: {
        const double d = v.toDouble();
        if (std::isnan(d))
            return QByteArrayLiteral("NaN");
        if (std::isinf(d))
            return d > 0 ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("-Infinity");
        return QByteArray::number(d, 'g', 17);
    }
    case QMetaType::QByteArray: return QByteArrayLiteral("\\x") + v.toByteArray().toHex(); // bytea, as QPSQL
    case QMetaType::QDateTime: return v.toDateTime().toUTC().toString(Qt::ISODateWithMs).toLatin1();
    case QMetaType::QDate: return v.toDate().toString(Qt::ISODate).toLatin1();
    case QMetaType::QTime: return v.toTime().toString(Qt::ISODateWithMs).toLatin1();
    default: return v.toString().toUtf8();
    }
}

using ResultPtr = PgStatements::ResultPtr;

QSqlError errorOf(PGconn* conn, const PGresult* result, const char* driverText)
{
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* message = result ? PQresultErrorMessage(result) : nullptr;
    if (!message || !*message)
        message = PQerrorMessage(conn);
    const bool gone = PQstatus(conn) == CONNECTION_BAD;
    return QSqlError(QString::fromLatin1(driverText), QString::fromUtf8(message).trimmed(),
                     gone ? QSqlError::ConnectionError : QSqlError::StatementError,
                     state ? QString::fromLatin1(state) : QString());
}


// The bound values as libpq takes them: `values[i]` points into `texts[i]`, or is nullptr for NULL.
bool textValues(const QVariantList& binds, std::vector<QByteArray>& texts, std::vector<const char*>& values,
                QSqlError& error)
{
    texts.assign(size_t(binds.size()), QByteArray());
    values.assign(size_t(binds.size()), nullptr);
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant& v = binds.at(i);
        if (!v.isValid() || (v.isNull() && v.typeId() != QMetaType::QString))
            continue; // NULL (a null QString is '', SqlSession's convention)
        texts[size_t(i)] = textOf(v);
        // libpq sends a text value up to its first NUL: a value holding one would arrive cut short. The
        // server refuses NUL in text anyway (QPSQL's escaping met the same refusal); say so, as it does.
        if (texts[size_t(i)].contains('\0')) {
            error = QSqlError(QStringLiteral("libpq: Unable to execute statement"),
                              QStringLiteral("ERROR:  invalid byte sequence for encoding \"UTF8\": 0x00"),
                              QSqlError::StatementError, QStringLiteral("22021"));
            return false;
        }
        values[size_t(i)] = texts[size_t(i)].constData();
    }
    return true;
}

// The next query's result in pipeline mode, with the NULL that ends it consumed; nullptr when the
// connection has nothing more (it failed).
ResultPtr nextPipelineResult(PGconn* conn)
{
    ResultPtr r(PQgetResult(conn));
    if (r && PQresultStatus(r.get()) != PGRES_PIPELINE_SYNC) {
        while (PGresult* more = PQgetResult(conn)) // one result per query, then NULL
            PQclear(more);
    }
    return r;
}

// One step of a pipeline: a command without values (BEGIN, COMMIT), or a prepared statement's run with
// its Parse first when the statement is new on this connection.
struct PipelineStep
{
    const char* command = nullptr; // or a statement:
    const char* commandName = nullptr; // the command's prepared statement, when it has one
    const QByteArray* name = nullptr;
    const QByteArray* parse = nullptr;
    int parameters = 0;
    const std::vector<const char*>* values = nullptr;
    qint64* firstValue = nullptr; // where the first column of the step's first row goes, if anywhere
};

// A waiting write's RETURNING value (PgStatements::queue): the first column of its first row, 0 if none.
void storeFirstValue(const PGresult* r, qint64* to)
{
    *to = PQntuples(r) > 0 && PQnfields(r) > 0 ? QByteArray::fromRawData(PQgetvalue(r, 0, 0), PQgetlength(r, 0, 0)).toLongLong() : 0;
}

// Sends every step in one pipeline and reads the results back in order. The last step's result goes
// to `last` for the caller to judge. A step before it that fails sets `error` and `failedStep`, and
// the server skips the rest (they come back "aborted"); false then, or when nothing could be sent.
bool runPipeline(PGconn* conn, const std::vector<PipelineStep>& steps, ResultPtr& last, QSqlError& error, int& failedStep)
{
    bool sent = PQenterPipelineMode(conn) == 1;
    for (const PipelineStep& step : steps) {
        if (step.command) {
            sent = sent && (step.commandName ? PQsendQueryPrepared(conn, step.commandName, 0, nullptr, nullptr, nullptr, 0)
                                             : PQsendQueryParams(conn, step.command, 0, nullptr, nullptr, nullptr, nullptr, 0)) == 1;
            continue;
        }
        if (step.parse)
            sent = sent && PQsendPrepare(conn, step.name->constData(), step.parse->constData(), step.parameters, nullptr) == 1;
        sent = sent && PQsendQueryPrepared(conn, step.name->constData(), int(step.values->size()), step.values->data(),
                                           nullptr, nullptr, 0) == 1;
    }
    sent = sent && PQpipelineSync(conn) == 1;
    failedStep = sent ? -1 : 0;
    if (!sent)
        error = errorOf(conn, nullptr, "libpq: Unable to send statements");
    for (size_t i = 0; sent && failedStep < 0 && i < steps.size(); ++i) {
        if (steps[i].parse) {
            ResultPtr prepared = nextPipelineResult(conn);
            if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
                error = errorOf(conn, prepared.get(), "libpq: Unable to prepare statement");
                failedStep = int(i);
                break;
            }
        }
        ResultPtr r = nextPipelineResult(conn);
        if (i + 1 == steps.size()) {
            last = std::move(r);
            break;
        }
        const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            error = errorOf(conn, r.get(), steps[i].command ? "libpq: Unable to begin a transaction"
                                                            : "libpq: Unable to execute statement");
            failedStep = int(i);
        } else if (steps[i].firstValue) {
            storeFirstValue(r.get(), steps[i].firstValue);
        }
    }
    // Whatever is left, up to the sync (results of steps after a failed one come back as aborted).
    for (size_t guard = 0; sent && guard < 2 * steps.size() + 2 && PQstatus(conn) == CONNECTION_OK; ++guard) {
        ResultPtr rest = nextPipelineResult(conn);
        if (!rest || PQresultStatus(rest.get()) == PGRES_PIPELINE_SYNC)
            break;
    }
    PQexitPipelineMode(conn); // fails only with results still unread, i.e. on a broken connection
    return failedStep < 0;
}
} // namespace

void PgStatements::ResultDeleter::operator()(pg_result* r) const
{
    PQclear(r);
}

pg_conn* PgStatements::connectionOf(const QVariant& driverHandle)
{
    // QPSQL registers PGconn*, which Qt's type registry names by the struct behind the typedef.
    const char* type = driverHandle.isValid() ? driverHandle.typeName() : nullptr;
    if (!type || (qstrcmp(type, "pg_conn*") != 0 && qstrcmp(type, "PGconn*") != 0))
        return nullptr;
    PGconn* conn = *static_cast<PGconn* const*>(driverHandle.constData());
    return conn && PQstatus(conn) == CONNECTION_OK ? conn : nullptr;
}

QString PgStatements::numberedPlaceholders(const QString& sql, int* count)
{
    QString out;
    out.reserve(sql.size() + 16);
    int n = 0;
    QChar quote; // inside '…' or "…" while set
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar(); // a doubled quote closes and reopens: the same text comes out
            out += c;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            out += c;
        } else if (c == QLatin1Char('?')) {
            out += QLatin1Char('$') + QString::number(++n);
        } else {
            out += c;
        }
    }
    if (count)
        *count = n;
    return out;
}

PgStatements::Prepared* PgStatements::statement(const QString& sql, const QVariantList& binds, bool prepareNow,
                                                Statement& st, QSqlError& error)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        Prepared fresh;
        st.parse = numberedPlaceholders(sql, &fresh.parameters).toUtf8();
        fresh.name = QByteArrayLiteral("otp_") + QByteArray::number(m_next + 1);
        st.parameters = fresh.parameters;
        if (binds.size() == fresh.parameters) {
            ++m_next;
            if (prepareNow) {
                ResultPtr prepared(PQprepare(m_conn, fresh.name.constData(), st.parse.constData(), fresh.parameters, nullptr));
                if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
                    error = errorOf(m_conn, prepared.get(), "libpq: Unable to prepare statement");
                    return nullptr;
                }
                st.parse.clear();
            }
            it = m_prepared.insert(sql, fresh); // taken back in run() should its Parse fail
        }
    }
    if (it == m_prepared.end() || binds.size() != it->parameters) {
        const int parameters = it == m_prepared.end() ? st.parameters : it->parameters;
        error = QSqlError(QStringLiteral("libpq: Unable to execute statement"),
                          QStringLiteral("the statement has %1 placeholders and was given %2 values")
                              .arg(parameters).arg(binds.size()),
                          QSqlError::StatementError);
        return nullptr;
    }
    st.sql = sql;
    st.binds = binds;
    st.name = it->name;
    st.parameters = it->parameters;
    return textValues(binds, st.texts, st.values, error) ? &*it : nullptr;
}

bool PgStatements::run(const QString& sql, const QVariantList& binds, Result& result, QSqlError& error)
{
    Statement st;
    Prepared* entry = statement(sql, binds, false, st, error); // nothing adds to m_prepared before readRows
    if (!entry)
        return false;
    const QByteArray& name = st.name;
    ResultPtr r;
    if (m_beginPending || !m_queued.empty()) {
        // The transaction's BEGIN, the writes waiting for it, the statement's Parse when it is new, and the
        // statement, in one pipeline: one round trip where there were several. The server runs them in
        // order and stops at the first that fails; the rest come back as "aborted".
        if (!sendWaiting(&st, r, error)) {
            if (!st.parse.isEmpty())
                m_prepared.remove(sql);
            return false;
        }
    } else {
        if (!st.parse.isEmpty()) {
            ResultPtr prepared(PQprepare(m_conn, name.constData(), st.parse.constData(), st.parameters, nullptr));
            if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
                error = errorOf(m_conn, prepared.get(), "libpq: Unable to prepare statement");
                m_prepared.remove(sql);
                return false;
            }
        }
        r.reset(PQexecPrepared(m_conn, name.constData(), int(st.values.size()), st.values.data(), nullptr, nullptr, 0));
    }
    const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        error = errorOf(m_conn, r.get(), "libpq: Unable to execute statement");
        return false;
    }
    result.rows.clear();
    result.affected = QByteArray(PQcmdTuples(r.get())).toInt();
    if (status == PGRES_TUPLES_OK)
        readRows(r.get(), *entry, result.rows);
    return true;
}

bool PgStatements::queue(const QString& sql, const QVariantList& binds, QSqlError& error, qint64* firstValue)
{
    Statement st;
    if (!statement(sql, binds, true, st, error))
        return false;
    st.firstValue = firstValue;
    m_queued.push_back(std::move(st));
    return true;
}

bool PgStatements::sendWaiting(Statement* last, ResultPtr& lastResult, QSqlError& error)
{
    std::vector<PipelineStep> steps;
    const int firstQueued = m_beginPending ? 1 : 0; // the step of the first waiting write
    const bool prepared = m_transactionStatements == TransactionStatements::Prepared;
    const char* begin = prepared ? "otp_begin" : nullptr;
    const char* commit = prepared ? "otp_commit" : nullptr;
    if (m_beginPending)
        steps.push_back(PipelineStep{"BEGIN", begin});
    auto add = [&](Statement& st) {
        steps.push_back(PipelineStep{nullptr, nullptr, &st.name, st.parse.isEmpty() ? nullptr : &st.parse, st.parameters,
                                     &st.values, st.firstValue});
    };
    for (Statement& st : m_queued)
        add(st);
    if (last)
        add(*last);
    else
        steps.push_back(PipelineStep{"COMMIT", commit});
    std::vector<Statement> sent = std::move(m_queued);
    m_queued.clear();
    m_beginPending = false;
    int failedStep = -1;
    const bool ok = runPipeline(m_conn, steps, lastResult, error, failedStep);
    if (!ok && failedStep >= firstQueued && failedStep - firstQueued < int(sent.size())) {
        m_failedSql = sent[size_t(failedStep - firstQueued)].sql;
        m_failedBinds = sent[size_t(failedStep - firstQueued)].binds;
    }
    return ok;
}

void PgStatements::prepareTransactionStatements()
{
    // Outside any transaction (a transaction is beginning, nothing has gone out yet): nothing here can
    // meet an aborted transaction. A failure leaves them unprepared, and BEGIN and COMMIT go as text on
    // this connection from then on (not tried again: a round trip per transaction that fails each time).
    m_transactionStatements = TransactionStatements::AsText;
    for (const auto& [name, sql] : {std::pair{"otp_begin", "BEGIN"}, std::pair{"otp_commit", "COMMIT"}}) {
        ResultPtr r(PQprepare(m_conn, name, sql, 0, nullptr));
        if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK)
            return;
    }
    m_transactionStatements = TransactionStatements::Prepared;
}

bool PgStatements::commit(QSqlError& error)
{
    ResultPtr r;
    if (!sendWaiting(nullptr, r, error))
        return false;
    // A COMMIT in a transaction the server had already failed answers "ROLLBACK".
    if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK || qstrcmp(PQcmdStatus(r.get()), "ROLLBACK") == 0) {
        error = errorOf(m_conn, r.get(), "libpq: Unable to commit the transaction");
        return false;
    }
    return true;
}

bool PgStatements::takeFailedStatement(QString* sql, QVariantList* binds)
{
    if (m_failedSql.isEmpty())
        return false;
    *sql = std::exchange(m_failedSql, QString());
    *binds = std::exchange(m_failedBinds, QVariantList());
    return true;
}

void PgStatements::readRows(const PGresult* r, Prepared& p, QList<SqlRow>& rows)
{
    const int columns = PQnfields(r);
    if (!p.shape || p.shape->names.size() != columns) {
        auto shape = std::make_shared<SqlColumns>();
        for (int c = 0; c < columns; ++c) {
            const QMetaType type = metaTypeOf(PQftype(r, c));
            shape->names.append(QString::fromUtf8(PQfname(r, c)));
            shape->types.append(type);
        }
        p.shape = std::move(shape);
    }
    const QList<QMetaType>& types = p.shape->types;
    const int count = PQntuples(r);
    rows.reserve(count);
    for (int row = 0; row < count; ++row) {
        QVariantList values;
        values.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(r, row, c))
                values.append(QVariant(types.at(c))); // a null of the column's type, as QPSQL gives
            else
                values.append(valueOf(PQgetvalue(r, row, c), PQgetlength(r, row, c), types.at(c).id()));
        }
        rows.append(SqlRow(p.shape, std::move(values)));
    }
}

bool PgStatements::flush(QSqlError& error)
{
    if (!m_beginPending && m_queued.empty())
        return true;
    if (m_queued.empty()) {
        m_beginPending = false;
        ResultPtr r(PQexec(m_conn, "BEGIN"));
        if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
            error = errorOf(m_conn, r.get(), "libpq: Unable to begin a transaction");
            return false;
        }
        return true;
    }
    Statement last = std::move(m_queued.back());
    m_queued.pop_back();
    ResultPtr r;
    if (!sendWaiting(&last, r, error))
        return false; // the BEGIN or an earlier write failed (sendWaiting names the write)
    const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        error = errorOf(m_conn, r.get(), "libpq: Unable to execute statement");
        m_failedSql = last.sql;
        m_failedBinds = last.binds;
        return false;
    }
    if (last.firstValue)
        storeFirstValue(r.get(), last.firstValue);
    return true;
}

} // namespace otp
