// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"

namespace Specula::Core {

QString Error::toString() const
{
    QString text = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    if (httpStatus != 0) {
        text += QStringLiteral(" (HTTP %1").arg(httpStatus);
        if (!reason.isEmpty())
            text += QLatin1Char(' ') + reason;
        text += QLatin1Char(')');
    }
    return text;
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Config:
        return QStringLiteral("config");
    case Kind::Auth:
        return QStringLiteral("auth");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Gone:
        return QStringLiteral("gone");
    case Kind::Parse:
        return QStringLiteral("parse");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace Specula::Core
