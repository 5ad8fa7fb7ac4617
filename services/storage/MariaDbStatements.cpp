#include "MariaDbStatements.h"

#include <mysql.h>

#include <QByteArray>

#include <vector>

namespace otp {

namespace {

// How a column is read: into a 64-bit integer, a double, or bytes (text or binary).
enum Kind : int { Integer, Real, Text, Bytes };

// The type QMYSQL gives a column (its qDecodeMYSQLType), and how this class reads it; false for the
// types whose reading QMYSQL does its own way (dates and times, BIT, geometry), run through QSqlQuery.
bool decode(const MYSQL_FIELD& f, QMetaType* type, int* kind)
{
    const bool isUnsigned = f.flags & UNSIGNED_FLAG;
    switch (f.type) {
    case MYSQL_TYPE_TINY: *type = QMetaType(isUnsigned ? QMetaType::UChar : QMetaType::Char); *kind = Integer; return true;
    case MYSQL_TYPE_SHORT: *type = QMetaType(isUnsigned ? QMetaType::UShort : QMetaType::Short); *kind = Integer; return true;
    case MYSQL_TYPE_LONG:
    case MYSQL_TYPE_INT24: *type = QMetaType(isUnsigned ? QMetaType::UInt : QMetaType::Int); *kind = Integer; return true;
    case MYSQL_TYPE_YEAR: *type = QMetaType(QMetaType::Int); *kind = Integer; return true;
    case MYSQL_TYPE_LONGLONG:
        *type = QMetaType(isUnsigned ? QMetaType::ULongLong : QMetaType::LongLong);
        *kind = Integer;
        return true;
    case MYSQL_TYPE_FLOAT:
    case MYSQL_TYPE_DOUBLE:
    case MYSQL_TYPE_DECIMAL:
    case MYSQL_TYPE_NEWDECIMAL: *type = QMetaType(QMetaType::Double); *kind = Real; return true;
    case MYSQL_TYPE_STRING:
    case MYSQL_TYPE_VAR_STRING:
    case MYSQL_TYPE_VARCHAR:
    case MYSQL_TYPE_BLOB:
    case MYSQL_TYPE_TINY_BLOB:
    case MYSQL_TYPE_MEDIUM_BLOB:
    case MYSQL_TYPE_LONG_BLOB:
    case MYSQL_TYPE_JSON: {
        const bool binary = f.flags & BINARY_FLAG;
        *type = QMetaType(binary ? QMetaType::QByteArray : QMetaType::QString);
        *kind = binary ? Bytes : Text;
        return true;
    }
    case MYSQL_TYPE_ENUM:
    case MYSQL_TYPE_SET: *type = QMetaType(QMetaType::QString); *kind = Text; return true;
    default: return false; // dates, times, BIT, geometry, NULL-typed columns
    }
}

// A column's value as QMYSQL gives it: integers as their column's type (TINYINT as int or uint, never
// char), NULL as a null QVariant of the column's type.
QVariant integerValue(QMetaType::Type type, qint64 v)
{
    switch (type) {
    case QMetaType::Char: return QVariant(int(qint8(v)));
    case QMetaType::UChar: return QVariant(uint(quint8(v)));
    case QMetaType::Short: return QVariant::fromValue(short(v));
    case QMetaType::UShort: return QVariant::fromValue(ushort(v));
    case QMetaType::Int: return QVariant(int(v));
    case QMetaType::UInt: return QVariant(uint(v));
    case QMetaType::ULongLong: return QVariant(qulonglong(v));
    default: return QVariant(qlonglong(v));
    }
}

QSqlError stmtError(MYSQL_STMT* stmt, const char* what)
{
    // QMYSQL's words and codes: "QMYSQL: …" as driver text, the client library's message and number.
    return QSqlError(QStringLiteral("QMYSQL: %1").arg(QLatin1String(what)), QString::fromUtf8(mysql_stmt_error(stmt)),
                     QSqlError::StatementError, QString::number(mysql_stmt_errno(stmt)));
}

// One run's parameters as the client library takes them; they point into this object.
struct Parameters
{
    std::vector<MYSQL_BIND> binds;
    std::vector<QByteArray> bytes;
    std::vector<qint64> integers;
    std::vector<double> reals;
    std::vector<my_bool> nulls;

    // False for a value QMYSQL binds its own way (a date or time): the statement goes through QSqlQuery.
    bool fill(const QVariantList& values)
    {
        const size_t n = size_t(values.size());
        binds.assign(n, MYSQL_BIND{});
        bytes.assign(n, QByteArray());
        integers.assign(n, 0);
        reals.assign(n, 0);
        nulls.assign(n, 0);
        for (size_t i = 0; i < n; ++i) {
            const QVariant& v = values.at(qsizetype(i));
            MYSQL_BIND& b = binds[i];
            if (!v.isValid() || (v.isNull() && v.typeId() != QMetaType::QString)) {
                nulls[i] = 1;
                b.is_null = &nulls[i];
                b.buffer_type = MYSQL_TYPE_NULL;
                continue;
            }
            switch (v.typeId()) {
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::LongLong:
            case QMetaType::ULongLong:
            case QMetaType::Bool:
                integers[i] = v.typeId() == QMetaType::ULongLong ? qint64(v.toULongLong()) : v.toLongLong();
                b.buffer_type = MYSQL_TYPE_LONGLONG;
                b.buffer = &integers[i];
                b.is_unsigned = v.typeId() == QMetaType::UInt || v.typeId() == QMetaType::ULongLong;
                break;
            case QMetaType::Double:
                reals[i] = v.toDouble();
                b.buffer_type = MYSQL_TYPE_DOUBLE;
                b.buffer = &reals[i];
                break;
            case QMetaType::QByteArray:
                bytes[i] = v.toByteArray();
                b.buffer_type = MYSQL_TYPE_BLOB;
                b.buffer = bytes[i].data();
                b.buffer_length = static_cast<unsigned long>(bytes[i].size());
                break;
            case QMetaType::QDate:
            case QMetaType::QTime:
            case QMetaType::QDateTime:
                return false;
            default: // QString and whatever converts to text, as QMYSQL binds them
                bytes[i] = v.toString().toUtf8();
                b.buffer_type = MYSQL_TYPE_STRING;
                b.buffer = bytes[i].data();
                b.buffer_length = static_cast<unsigned long>(bytes[i].size());
                break;
            }
        }
        return true;
    }
};

} // namespace

MariaDbStatements::~MariaDbStatements()
{
    // On a connection QMYSQL already closed the library has detached the statements; closing them then
    // only frees them.
    for (Prepared& p : m_prepared)
        if (p.stmt)
            mysql_stmt_close(p.stmt);
}

MYSQL* MariaDbStatements::connectionOf(const QVariant& driverHandle)
{
    // QMYSQL registers MYSQL*, which Qt's type registry may name by the struct behind the typedef.
    const char* type = driverHandle.isValid() ? driverHandle.typeName() : nullptr;
    if (!type || (qstrcmp(type, "MYSQL*") != 0 && qstrcmp(type, "st_mysql*") != 0))
        return nullptr;
    return *static_cast<MYSQL* const*>(driverHandle.constData());
}

MariaDbStatements::Prepared* MariaDbStatements::prepared(const QString& sql, QSqlError& error)
{
    auto it = m_prepared.find(sql);
    if (it != m_prepared.end())
        return &*it;
    Prepared p;
    p.stmt = mysql_stmt_init(m_conn);
    if (!p.stmt) {
        error = QSqlError(QStringLiteral("QMYSQL: Unable to prepare statement"), QStringLiteral("out of memory"),
                          QSqlError::StatementError, QStringLiteral("2008"));
        return nullptr;
    }
    const QByteArray text = sql.toUtf8();
    if (mysql_stmt_prepare(p.stmt, text.constData(), static_cast<unsigned long>(text.size())) != 0) {
        error = stmtError(p.stmt, "Unable to prepare statement");
        mysql_stmt_close(p.stmt);
        return nullptr;
    }
    p.parameters = int(mysql_stmt_param_count(p.stmt));
    if (MYSQL_RES* meta = mysql_stmt_result_metadata(p.stmt)) {
        auto columns = std::make_shared<SqlColumns>();
        const unsigned count = mysql_num_fields(meta);
        const MYSQL_FIELD* fields = mysql_fetch_fields(meta);
        for (unsigned c = 0; c < count; ++c) {
            QMetaType type;
            int kind = Text;
            if (!decode(fields[c], &type, &kind)) {
                mysql_stmt_close(p.stmt); // a column read QMYSQL's own way: QSqlQuery runs this one
                p.stmt = nullptr;
                break;
            }
            columns->names.append(QString::fromUtf8(fields[c].name));
            columns->types.append(type);
            p.columnKinds.append(kind);
        }
        mysql_free_result(meta);
        if (p.stmt)
            p.shape = std::move(columns);
    }
    return &*m_prepared.insert(sql, p);
}

bool MariaDbStatements::run(const QString& sql, const QVariantList& binds, Result& result, QSqlError& error,
                            bool* unsupported)
{
    *unsupported = false;
    Prepared* p = prepared(sql, error);
    if (!p)
        return false;
    Parameters values;
    if (!p->stmt || !values.fill(binds)) {
        *unsupported = true;
        return false;
    }
    if (binds.size() != p->parameters) {
        error = QSqlError(QStringLiteral("QMYSQL: Unable to execute statement"),
                          QStringLiteral("the statement has %1 placeholders and was given %2 values")
                              .arg(p->parameters)
                              .arg(binds.size()),
                          QSqlError::StatementError);
        return false;
    }
    if ((p->parameters > 0 && mysql_stmt_bind_param(p->stmt, values.binds.data()) != 0) ||
        mysql_stmt_execute(p->stmt) != 0) {
        error = stmtError(p->stmt, "Unable to execute statement");
        return false;
    }
    result.rows.clear();
    if (p->shape && !readRows(*p, result.rows, error))
        return false;
    const my_ulonglong affected = mysql_stmt_affected_rows(p->stmt);
    result.affected = affected == my_ulonglong(-1) ? 0 : int(affected);
    result.insertId = qint64(mysql_stmt_insert_id(p->stmt));
    return true;
}

bool MariaDbStatements::readRows(Prepared& p, QList<SqlRow>& rows, QSqlError& error)
{
    // The whole result is read off the connection at once (it came with the execution's answer), then
    // the rows are taken from the client library's buffer and the buffer is freed: no reset is needed
    // before the statement's next run.
    if (mysql_stmt_store_result(p.stmt) != 0) {
        error = stmtError(p.stmt, "Unable to store statement results");
        return false;
    }
    const int count = int(p.columnKinds.size());
    std::vector<MYSQL_BIND> out(size_t(count), MYSQL_BIND{});
    std::vector<qint64> integers(size_t(count), 0);
    std::vector<double> reals(size_t(count), 0);
    std::vector<unsigned long> lengths(size_t(count), 0);
    std::vector<my_bool> nulls(size_t(count), 0);
    for (int c = 0; c < count; ++c) {
        MYSQL_BIND& b = out[size_t(c)];
        b.is_null = &nulls[size_t(c)];
        b.length = &lengths[size_t(c)];
        if (p.columnKinds.at(c) == Integer) {
            b.buffer_type = MYSQL_TYPE_LONGLONG;
            b.buffer = &integers[size_t(c)];
            b.is_unsigned = p.shape->types.at(c).id() == QMetaType::ULongLong;
        } else if (p.columnKinds.at(c) == Real) {
            b.buffer_type = MYSQL_TYPE_DOUBLE;
            b.buffer = &reals[size_t(c)];
        } else {
            b.buffer_type = p.columnKinds.at(c) == Bytes ? MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING;
            // No buffer: the fetch reports each value's length, and fetch_column reads it whole below.
        }
    }
    bool ok = mysql_stmt_bind_result(p.stmt, out.data()) == 0;
    while (ok) {
        const int fetched = mysql_stmt_fetch(p.stmt);
        if (fetched == MYSQL_NO_DATA)
            break;
        if (fetched != 0 && fetched != MYSQL_DATA_TRUNCATED) {
            ok = false;
            break;
        }
        QVariantList values;
        values.reserve(count);
        for (int c = 0; c < count && ok; ++c) {
            const QMetaType type = p.shape->types.at(c);
            if (nulls[size_t(c)]) {
                values.append(QVariant(type));
            } else if (p.columnKinds.at(c) == Integer) {
                values.append(integerValue(QMetaType::Type(type.id()), integers[size_t(c)]));
            } else if (p.columnKinds.at(c) == Real) {
                values.append(QVariant(reals[size_t(c)]));
            } else {
                QByteArray bytes(qsizetype(lengths[size_t(c)]), Qt::Uninitialized);
                MYSQL_BIND column{};
                column.buffer_type = out[size_t(c)].buffer_type;
                column.buffer = bytes.data();
                column.buffer_length = lengths[size_t(c)];
                unsigned long length = 0;
                column.length = &length;
                ok = bytes.isEmpty() || mysql_stmt_fetch_column(p.stmt, &column, unsigned(c), 0) == 0;
                values.append(p.columnKinds.at(c) == Bytes ? QVariant(bytes) : QVariant(QString::fromUtf8(bytes)));
            }
        }
        if (ok)
            rows.append(SqlRow(p.shape, std::move(values)));
    }
    if (!ok)
        error = stmtError(p.stmt, "Unable to fetch data");
    mysql_stmt_free_result(p.stmt);
    return ok;
}

} // namespace otp
