// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/promendpoint.h"

namespace Specula::Prom {

PromEndpoint PromEndpoint::direct(const QUrl &baseUrl)
{
    PromEndpoint endpoint;
    endpoint.context.server = baseUrl;
    endpoint.context.contextName = baseUrl.toString(QUrl::RemoveUserInfo);
    return endpoint;
}

PromEndpoint PromEndpoint::serviceProxy(Net::ConnectionContext apiServer, const QString &ns, const QString &service,
                                        const QString &port, bool https)
{
    PromEndpoint endpoint;
    endpoint.context = std::move(apiServer);
    // The proxy names its target as [scheme:]name[:port]; the parts are DNS labels and port
    // names, so nothing here needs escaping beyond what QUrl does.
    QString target = service;
    if (!port.isEmpty())
        target += QLatin1Char(':') + port;
    if (https)
        target = QStringLiteral("https:") + target;
    endpoint.pathPrefix = QStringLiteral("/api/v1/namespaces/%1/services/%2/proxy").arg(ns, target);
    return endpoint;
}

QUrl PromEndpoint::baseUrl() const
{
    QUrl url = context.server;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    QString prefix = pathPrefix;
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(path + prefix);
    return url;
}

} // namespace Specula::Prom
