// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "kube/apidiscovery.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace Specula::Net {
class ApiConnection;
class ApiRequest;
} // namespace Specula::Net

namespace Specula::Kube {

// Asks /version, /api and /apis in parallel, then the group versions of the optional APIs that
// /apis lists (SR-IOV under either group name, NADs, DRA at its preferred served version), and emits exactly one of
// finished() or failed(). Deletes itself afterwards. Create it through KubeClient::discover().
class DiscoveryJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoveryJob)

public:
    explicit DiscoveryJob(Net::ApiConnection *connection, QObject *parent = nullptr);
    void start();
    void cancel();

    // The parts of the answers, exposed for tests on recorded bodies.
    static QStringList groupVersionsFromApis(const QJsonObject &apiGroupList);
    // The optional group versions worth asking for, out of those the server lists: the first
    // SR-IOV group found, NADs, and resource.k8s.io at v1, else v1beta2, else v1beta1.
    static QStringList optionalGroupVersions(const QStringList &served);
    static void addResourcesFromGroupVersion(const QString &groupVersion, const QJsonObject &apiResourceList,
                                             ApiDiscovery &discovery);

Q_SIGNALS:
    void finished(const Specula::Kube::ApiDiscovery &discovery);
    void failed(const Specula::Core::Error &error);

private:
    void get(const QString &path, std::function<void(const QJsonObject &)> handle, bool optional = false);
    void requestDone();
    void fail(const Core::Error &error);

    Net::ApiConnection *m_connection;
    ApiDiscovery m_discovery;
    QList<QPointer<Net::ApiRequest>> m_requests;
    int m_pending = 0;
    bool m_done = false;
};

} // namespace Specula::Kube
