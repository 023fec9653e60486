// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <optional>

namespace Specula::Net {

// What a finished QNetworkReply told us, as plain data, so that the mapping to a typed error
// is one pure function that tests can feed from a table.
struct ReplyFacts
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int httpStatus = 0; // 0: no HTTP response was received
    QByteArray reasonPhrase;
    QByteArray body;
    QString errorString; // QNetworkReply::errorString()
    QStringList sslErrors; // messages of the QSslErrors reported during the handshake
    QString where; // URL without secrets
    bool cancelledByCaller = false; // we called abort(): anything else that says "cancelled" is the transfer timeout
    bool tooLarge = false; // we aborted because the body passed our size cap
};

// The fields of a Kubernetes metav1.Status that errors carry.
struct KubeStatus
{
    QString status; // "Failure" or "Success"
    QString message;
    QString reason; // Unauthorized, Forbidden, NotFound, Expired, Gone, …
    int code = 0;
};

class ReplyError
{
public:
    // The one place where a reply becomes a Core::Error (or no error: Kind is meaningless then
    // and `ok` is true). Timeouts on Qt 6.4 arrive as OperationCanceledError.
    static std::optional<Core::Error> map(const ReplyFacts &facts);

    // A Status object from a body, pretty-printed or compact; nothing when the body is not one.
    static std::optional<KubeStatus> parseStatus(const QByteArray &body);
    static std::optional<KubeStatus> statusFromObject(const QJsonObject &object);

    // The error for an HTTP status (with its Status body when there is one).
    static Core::Error fromStatus(int httpStatus, const std::optional<KubeStatus> &status, const QString &where,
                                  const QByteArray &reasonPhrase = {}, const QByteArray &body = {});
    static Core::Error::Kind kindForStatus(int httpStatus);
};

} // namespace Specula::Net
