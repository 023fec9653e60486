// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Specula::Core {

// A failure as a value: what went wrong (kind), where (file and line, URL or entry) and why
// (the server's or parser's own words). Layers below the UI never format messages for people
// beyond this one line.
struct Error
{
    enum class Kind {
        Config, // kubeconfig, scenario or settings file is wrong
        Auth, // credentials could not be obtained (exec plugin, token file)
        Network, // connection refused, DNS, reset
        Timeout, // transfer timeout expired
        Tls, // handshake or certificate verification
        Http, // any other non-2xx status
        Unauthorized, // 401
        Forbidden, // 403
        NotFound, // 404
        Gone, // 410: expired continue token or resourceVersion
        Parse, // the response body is not what the API promises
        Cancelled, // cancelled by the caller
    };

    Kind kind = Kind::Network;
    QString message; // why, in one sentence
    QString where; // file:line, URL or entry name, when known
    int httpStatus = 0; // 0 when no HTTP status was received
    QString reason; // Kubernetes Status.reason or Prometheus errorType

    // "where: message (HTTP 403 Forbidden)"
    QString toString() const;
    static QString kindName(Kind kind);
};

} // namespace Specula::Core

Q_DECLARE_METATYPE(Specula::Core::Error)
