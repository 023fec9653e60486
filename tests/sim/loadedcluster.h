// SPDX-License-Identifier: GPL-3.0-or-later
// A simulated cluster loaded as the window loads it, for tests of what is built on the joined
// snapshot and on Prometheus: the simulator on 127.0.0.1, a kubeconfig for it, and a
// ClusterLoader that has listed every kind and read the GPU metrics.
#pragma once

#include "cli/clusterloader.h"
#include "simtesthelpers.h"

namespace Specula::SimTest {

class LoadedCluster
{
public:
    // Starts the simulator on `spec` and loads it; empty on success, otherwise what went wrong.
    QString start(const QString &spec)
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory: ") + m_dir.errorString();
        m_server = SimTest::start(spec);
        const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig.yaml"));
        if (!m_server->writeKubeconfig(kubeconfig, Sim::SimServer::KubeconfigAuth::ClientCertificate))
            return QStringLiteral("cannot write ") + kubeconfig;
        Cli::ConnectionOptions connection;
        connection.kubeconfig = kubeconfig;
        m_loader = std::make_unique<Cli::ClusterLoader>(connection, Model::PrometheusSettings {});
        QSignalSpy loaded(m_loader.get(), &Cli::ClusterLoader::loaded);
        m_loader->start();
        if (!loaded.wait(60000))
            return QStringLiteral("%1 did not load within 60 s").arg(spec);
        if (!m_loader->metrics())
            return QStringLiteral("%1 loaded without a Prometheus connection").arg(spec);
        return {};
    }

    Sim::SimServer *server() const { return m_server.get(); }
    Cli::ClusterLoader *loader() const { return m_loader.get(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Sim::SimServer> m_server;
    std::unique_ptr<Cli::ClusterLoader> m_loader;
};

} // namespace Specula::SimTest
