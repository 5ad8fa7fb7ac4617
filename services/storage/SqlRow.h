#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace otp {

// The columns every row of one result shares: names and types, built once per statement.
struct SqlColumns
{
    QStringList names;
    QList<QMetaType> types;
};

// One row of a SELECT (SqlSession::select): its values, and the columns they share with every other
// row of the same statement. It reads like QSqlRecord (value by position or by name, fieldName,
// indexOf, isNull), which it replaced: Qt 6.4's QSqlRecord gives each row a QSqlField per column and
// copies one, with a default-constructed QSqlField (an allocation) on top, on every read by position.
// A ChallengeRow read that way cost about 28,000 instructions; a tenth of it goes to this (issue 16).
class SqlRow
{
public:
    using Columns = std::shared_ptr<const SqlColumns>;

    SqlRow() = default;
    SqlRow(Columns columns, QVariantList values) : m_columns(std::move(columns)), m_values(std::move(values)) {}

    int count() const { return int(m_values.size()); }
    bool isEmpty() const { return m_values.isEmpty(); }
    // The column's name, or an empty string when there is no such column.
    QString fieldName(int column) const;
    const QString& nameAt(int column) const { return m_columns->names.at(column); }
    // The column's type as the driver reports it (also for a NULL); an invalid type when out of range.
    QMetaType metaType(int column) const;
    // Where the column named `name` is (case-insensitive, as in QSqlRecord), or -1.
    int indexOf(const QString& name) const;
    bool contains(const QString& name) const { return indexOf(name) >= 0; }

    // An invalid QVariant when there is no such column; a null one of the column's type for NULL.
    QVariant value(int column) const;
    QVariant value(const QString& name) const { return value(indexOf(name)); }
    // The value without a copy; `column` must be in range.
    const QVariant& at(int column) const { return m_values.at(column); }
    // True for NULL, and for a column that is not there (as QSqlRecord).
    bool isNull(int column) const;
    bool isNull(const QString& name) const { return isNull(indexOf(name)); }

private:
    Columns m_columns;
    QVariantList m_values;
};

// What one statement run outside QSqlQuery gives back (PgStatements, MariaDbStatements).
struct StatementResult
{
    QList<SqlRow> rows;
    int affected = 0;    // rows an INSERT, UPDATE or DELETE changed (matched, on MariaDB)
    qint64 insertId = 0; // MariaDB: the insert id the answer carried (an AUTO_INCREMENT id, LAST_INSERT_ID(expr)), or 0
};

} // namespace otp
