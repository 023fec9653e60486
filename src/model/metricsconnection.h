// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "model/clustersnapshot.h"
#include "model/prometheussettings.h"
#include "prom/metriccatalogue.h"
#include "prom/promclient.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Specula::Model {

// A cluster's way to its Prometheus: finds it (or takes the pinned one), checks that it
// answers, and learns once which exporter dialect it speaks. Uses the cluster connection's
// QNetworkAccessManager. Emits exactly one of ready() or failed(); status() says which.
class MetricsConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsConnection)

public:
    MetricsConnection(QNetworkAccessManager *nam, Net::ConnectionContext apiServer, PrometheusSettings settings,
                      QObject *parent = nullptr);
    ~MetricsConnection() override;

    // `nodeNames` tell dcgm's Hostname values that name nodes from those that name exporter pods.
    void start(const QStringList &nodeNames);

    const PrometheusStatus &status() const { return m_status; }
    // Valid after ready().
    Prom::PromClient *client() const { return m_client; }
    const Prom::MetricCatalogue &catalogue() const { return m_catalogue; }

Q_SIGNALS:
    void ready();
    void failed(const Specula::Core::Error &error);

private:
    void useEndpoint(const Prom::PromEndpoint &endpoint, const QString &source);
    void probeDialect(const QString &version);
    void fail(const Core::Error &error);

    QNetworkAccessManager *m_nam;
    Net::ConnectionContext m_apiServer;
    PrometheusSettings m_settings;
    QStringList m_nodeNames;
    QPointer<Prom::PromClient> m_client;
    Prom::MetricCatalogue m_catalogue;
    PrometheusStatus m_status;
    QString m_source;
};

} // namespace Specula::Model
