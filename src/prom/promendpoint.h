// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/connectioncontext.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <chrono>

namespace Specula::Prom {

// Where a Prometheus HTTP API lives and how to reach it. Two shapes share this one type:
//
//  - direct: `context.server` is Prometheus' own base URL (http://127.0.0.1:9090, or
//    https://prom.example/tenant-a behind an ingress), `pathPrefix` is empty. Bearer tokens and
//    basic auth come from `context.credentials` (e.g. a StaticCredentialSource), TLS from the CA
//    list and the insecure flag, exactly as for an API server.
//  - through the Kubernetes service proxy: `context` is the cluster's own ConnectionContext (API
//    server URL and the user's credentials) and `pathPrefix` is
//    /api/v1/namespaces/NS/services/[https:]NAME:PORT/proxy, which serviceProxy() builds.
//
// Requests go to server path + pathPrefix + /api/v1/…
struct PromEndpoint
{
    Net::ConnectionContext context;
    QString pathPrefix; // no trailing slash
    // Sent with every request, e.g. {"X-Scope-OrgID", "tenant"} for Mimir, Cortex or Thanos.
    QList<QPair<QByteArray, QByteArray>> headers;
    // No byte for this long fails the request with Kind::Timeout.
    std::chrono::milliseconds timeout { 30000 };

    static PromEndpoint direct(const QUrl &baseUrl);
    // `port` is a port number or name; `https` selects the proxy's https: scheme prefix.
    static PromEndpoint serviceProxy(Net::ConnectionContext apiServer, const QString &ns, const QString &service,
                                     const QString &port, bool https = false);

    // The URL that /api/v1/query is appended to, for messages and settings.
    QUrl baseUrl() const;
};

} // namespace Specula::Prom
