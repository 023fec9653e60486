// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/apidiscovery.h"
#include "kube/listoptions.h"
#include "kube/resourcekind.h"
#include "net/connectioncontext.h"

#include <QObject>
#include <optional>

class QNetworkAccessManager;

namespace Specula::Net {
class ApiConnection;
}

namespace Specula::Kube {

class DiscoveryJob;
class ListJob;
class WatchJob;

// The asynchronous Kubernetes client for one cluster, on the caller's QNetworkAccessManager.
//
//   auto *client = new KubeClient(nam, context, parent);
//   connect(client->discover(), &DiscoveryJob::finished, ...);     // once, before optional kinds
//   ListJob *job = client->list(ResourceKind::Pod);                // page…, finished(rv) | failed
//   WatchJob *watch = client->watch(ResourceKind::Pod, rv);        // events…, finished | failed
//
// Jobs are children of the client, start at once and delete themselves after their last signal.
// Core kinds work without discovery; the optional kinds (SR-IOV, NADs) are only requested when
// discovery found them, otherwise the job fails with Kind::NotFound.
class KubeClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeClient)

public:
    KubeClient(QNetworkAccessManager *nam, Net::ConnectionContext context, QObject *parent = nullptr);
    ~KubeClient() override;

    Net::ApiConnection *connection() const { return m_connection; }
    const Net::ConnectionContext &context() const;

    // Also remembers the result (discovered()).
    DiscoveryJob *discover();
    const std::optional<ApiDiscovery> &discovery() const { return m_discovery; }
    void setDiscovery(const ApiDiscovery &discovery) { m_discovery = discovery; }
    // Where a kind is served, or nothing when this cluster does not have it (or discovery has not
    // run for an optional kind).
    std::optional<ApiResource> apiResource(ResourceKind kind) const;
    bool serves(ResourceKind kind) const { return apiResource(kind).has_value(); }
    // The collection path, e.g. "/api/v1/namespaces/ns/pods".
    static QString collectionPath(const ApiResource &resource, const QString &namespaceName);

    ListJob *list(ResourceKind kind, const ListOptions &options = {});
    WatchJob *watch(ResourceKind kind, const QString &resourceVersion, const WatchOptions &options = {});

Q_SIGNALS:
    void discovered(const Specula::Kube::ApiDiscovery &discovery);

private:
    // Starts the job, or makes it fail (queued) when the cluster does not serve the kind.
    template<class Job> Job *startOrFail(Job *job, bool served, ResourceKind kind) const;

    Net::ApiConnection *m_connection;
    std::optional<ApiDiscovery> m_discovery;
};

} // namespace Specula::Kube
