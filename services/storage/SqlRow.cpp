#include "SqlRow.h"

namespace otp {

QString SqlRow::fieldName(int column) const
{
    return column >= 0 && column < count() ? m_columns->names.at(column) : QString();
}

QMetaType SqlRow::metaType(int column) const
{
    return column >= 0 && column < count() ? m_columns->types.at(column) : QMetaType();
}

int SqlRow::indexOf(const QString& name) const
{
    if (!m_columns)
        return -1;
    // QSqlRecord reads "table.column" as the column when no field has the dotted name itself.
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    for (int pass = 0; pass < (dot >= 0 ? 2 : 1); ++pass) {
        const QStringView wanted = pass == 0 ? QStringView(name) : QStringView(name).mid(dot + 1);
        for (int c = 0; c < count(); ++c) {
            if (m_columns->names.at(c).compare(wanted, Qt::CaseInsensitive) == 0)
                return c;
        }
    }
    return -1;
}

QVariant SqlRow::value(int column) const
{
    return column >= 0 && column < count() ? m_values.at(column) : QVariant();
}

bool SqlRow::isNull(int column) const
{
    return column < 0 || column >= count() || m_values.at(column).isNull();
}

} // namespace otp
