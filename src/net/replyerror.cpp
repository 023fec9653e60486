// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/replyerror.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Specula::Net {

std::optional<KubeStatus> ReplyError::statusFromObject(const QJsonObject &object)
{
    if (object.value(QLatin1String("kind")).toString() != QLatin1String("Status"))
        return std::nullopt;
    KubeStatus status;
    status.status = object.value(QLatin1String("status")).toString();
    status.message = object.value(QLatin1String("message")).toString();
    status.reason = object.value(QLatin1String("reason")).toString();
    status.code = object.value(QLatin1String("code")).toInt();
    return status;
}

std::optional<KubeStatus> ReplyError::parseStatus(const QByteArray &body)
{
    if (body.isEmpty())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return statusFromObject(document.object());
}

Core::Error::Kind ReplyError::kindForStatus(int httpStatus)
{
    switch (httpStatus) {
    case 401:
        return Core::Error::Kind::Unauthorized;
    case 403:
        return Core::Error::Kind::Forbidden;
    case 404:
        return Core::Error::Kind::NotFound;
    case 410:
        return Core::Error::Kind::Gone;
    default:
        return Core::Error::Kind::Http;
    }
}

Core::Error ReplyError::fromStatus(int httpStatus, const std::optional<KubeStatus> &status, const QString &where,
                                   const QByteArray &reasonPhrase, const QByteArray &body)
{
    Core::Error error;
    error.kind = kindForStatus(httpStatus);
    error.httpStatus = httpStatus;
    error.where = where;
    if (status) {
        error.message = status->message;
        error.reason = status->reason;
    }
    if (error.reason.isEmpty())
        error.reason = QString::fromLatin1(reasonPhrase);
    if (error.message.isEmpty()) {
        // Proxies and gateways answer with HTML or plain text: keep the start of it, on one line.
        QString text = QString::fromUtf8(body.left(200)).simplified();
        error.message = text.isEmpty() ? QStringLiteral("the server answered HTTP %1").arg(httpStatus) : text;
    }
    return error;
}

std::optional<Core::Error> ReplyError::map(const ReplyFacts &facts)
{
    using Kind = Core::Error::Kind;
    const bool httpOk = facts.httpStatus >= 200 && facts.httpStatus < 300;
    if (facts.tooLarge) {
        return Core::Error { Kind::Network,
                             QStringLiteral("the response exceeded the size limit and was aborted"),
                             facts.where,
                             facts.httpStatus,
                             {} };
    }
    // An HTTP status is the most precise thing we have; QNetworkReply also flags 4xx/5xx as errors.
    if (facts.httpStatus != 0 && !httpOk && facts.error != QNetworkReply::OperationCanceledError)
        return fromStatus(facts.httpStatus, parseStatus(facts.body), facts.where, facts.reasonPhrase, facts.body);

    switch (facts.error) {
    case QNetworkReply::NoError:
        if (facts.httpStatus == 0 || httpOk)
            return std::nullopt;
        return fromStatus(facts.httpStatus, parseStatus(facts.body), facts.where, facts.reasonPhrase, facts.body);
    case QNetworkReply::OperationCanceledError:
        if (facts.cancelledByCaller)
            return Core::Error { Kind::Cancelled, QStringLiteral("cancelled"), facts.where, 0, {} };
        return Core::Error { Kind::Timeout,
                             QStringLiteral("no data arrived within the transfer timeout"),
                             facts.where,
                             facts.httpStatus,
                             {} };
    case QNetworkReply::TimeoutError:
        return Core::Error { Kind::Timeout, QStringLiteral("the connection timed out"), facts.where, 0, {} };
    case QNetworkReply::SslHandshakeFailedError: {
        QString message = facts.sslErrors.isEmpty() ? facts.errorString : facts.sslErrors.join(QStringLiteral("; "));
        return Core::Error { Kind::Tls, QStringLiteral("TLS handshake failed: ") + message, facts.where, 0, {} };
    }
    default:
        break;
    }
    if (!facts.sslErrors.isEmpty()) {
        return Core::Error { Kind::Tls,
                             QStringLiteral("TLS handshake failed: ") + facts.sslErrors.join(QStringLiteral("; ")),
                             facts.where,
                             0,
                             {} };
    }
    QString message
        = facts.errorString.isEmpty() ? QStringLiteral("network error %1").arg(int(facts.error)) : facts.errorString;
    return Core::Error { Kind::Network, message, facts.where, facts.httpStatus, {} };
}

} // namespace Specula::Net
