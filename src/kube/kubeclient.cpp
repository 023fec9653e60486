// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/kubeclient.h"

#include "kube/discoveryjob.h"
#include "kube/listjob.h"
#include "kube/watchjob.h"
#include "net/apiconnection.h"

#include <QTimer>

namespace Specula::Kube {
namespace {

QString kindName(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Node:
        return QStringLiteral("nodes");
    case ResourceKind::Pod:
        return QStringLiteral("pods");
    case ResourceKind::Namespace:
        return QStringLiteral("namespaces");
    case ResourceKind::Service:
        return QStringLiteral("services");
    case ResourceKind::Event:
        return QStringLiteral("events");
    case ResourceKind::SriovNetworkNodeState:
        return QStringLiteral("sriovnetworknodestates");
    case ResourceKind::NetworkAttachmentDefinition:
        return QStringLiteral("network-attachment-definitions");
    case ResourceKind::SriovNetworkNodePolicy:
        return QStringLiteral("sriovnetworknodepolicies");
    case ResourceKind::ConfigMap:
        return QStringLiteral("configmaps");
    case ResourceKind::ResourceSlice:
        return QStringLiteral("resourceslices");
    case ResourceKind::ResourceClaim:
        return QStringLiteral("resourceclaims");
    }
    return {};
}

Core::Error notServed(ResourceKind kind, const QString &server)
{
    return Core::Error {
        Core::Error::Kind::NotFound,
        QStringLiteral("the cluster does not serve %1 (not found by API discovery)").arg(kindName(kind)),
        server,
        0,
        {}
    };
}

} // namespace

KubeClient::KubeClient(QNetworkAccessManager *nam, Net::ConnectionContext context, QObject *parent)
    : QObject(parent)
    , m_connection(new Net::ApiConnection(nam, std::move(context), this))
{ }

KubeClient::~KubeClient() = default;

const Net::ConnectionContext &KubeClient::context() const
{
    return m_connection->context();
}

DiscoveryJob *KubeClient::discover()
{
    auto *job = new DiscoveryJob(m_connection, this);
    connect(job, &DiscoveryJob::finished, this, [this](const ApiDiscovery &discovery) {
        m_discovery = discovery;
        Q_EMIT discovered(discovery);
    });
    job->start();
    return job;
}

std::optional<ApiResource> KubeClient::apiResource(ResourceKind kind) const
{
    if (m_discovery)
        return m_discovery->resource(kind);
    if (ApiDiscovery::isCoreKind(kind))
        return ApiDiscovery::coreResource(kind);
    return std::nullopt;
}

QString KubeClient::collectionPath(const ApiResource &resource, const QString &namespaceName)
{
    QString path = resource.basePath();
    if (resource.namespaced && !namespaceName.isEmpty())
        path += QStringLiteral("/namespaces/") + namespaceName;
    return path + QLatin1Char('/') + resource.plural;
}

template<class Job> Job *KubeClient::startOrFail(Job *job, bool served, ResourceKind kind) const
{
    if (served) {
        job->start();
        return job;
    }
    // Fail after the caller had a chance to connect.
    const Core::Error error = notServed(kind, context().server.toString(QUrl::RemoveUserInfo));
    QTimer::singleShot(0, job, [job, error] {
        Q_EMIT job->failed(error);
        job->deleteLater();
    });
    return job;
}

ListJob *KubeClient::list(ResourceKind kind, const ListOptions &options)
{
    const std::optional<ApiResource> resource = apiResource(kind);
    auto *job = new ListJob(m_connection, kind, resource ? collectionPath(*resource, options.namespaceName) : QString(),
                            options, this);
    return startOrFail(job, resource.has_value(), kind);
}

WatchJob *KubeClient::watch(ResourceKind kind, const QString &resourceVersion, const WatchOptions &options)
{
    const std::optional<ApiResource> resource = apiResource(kind);
    auto *job
        = new WatchJob(m_connection, kind, resource ? collectionPath(*resource, options.namespaceName) : QString(),
                       resourceVersion, options, this);
    return startOrFail(job, resource.has_value(), kind);
}

} // namespace Specula::Kube
