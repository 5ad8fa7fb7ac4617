#include "ApiRouter.h"

namespace otp {

namespace {
// Segments of a path; empty segments (a doubled or trailing '/') make a path match nothing.
QStringList segments(const QString& path) { return path.split(QLatin1Char('/')).mid(1); }

bool matches(const QString& pattern, const QStringList& path, QHash<QString, QString>* params)
{
    const QStringList parts = segments(pattern);
    if (parts.size() != path.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString& want = parts.at(i);
        const QString& got = path.at(i);
        if (want.startsWith(QLatin1Char('{')) && want.endsWith(QLatin1Char('}'))) {
            if (got.isEmpty() || got.size() > 128)
                return false;
            found.insert(want.mid(1, want.size() - 2), got);
        } else if (want != got) {
            return false;
        }
    }
    *params = found;
    return true;
}
} // namespace

void ApiRouter::add(ApiRoute route)
{
    m_routes.append(std::move(route));
}

ApiRouter::Match ApiRouter::match(const QString& method, const QString& path) const
{
    Match m;
    if (!path.startsWith(QLatin1Char('/')) || path.size() > 2048)
        return m;
    const QStringList parts = segments(path);
    for (const ApiRoute& r : m_routes) {
        QHash<QString, QString> params;
        if (!matches(r.pattern, parts, &params))
            continue;
        if (r.method == method) {
            m.kind = Match::Kind::Found;
            m.route = &r;
            m.params = params;
            return m;
        }
        if (!m.allowed.contains(r.method))
            m.allowed << r.method;
    }
    if (!m.allowed.isEmpty())
        m.kind = Match::Kind::MethodNotAllowed;
    return m;
}

} // namespace otp
