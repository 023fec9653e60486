// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/demosimulator.h"

#include "sim/scenario.h"
#include "sim/simserver.h"

#include <QThread>

namespace Specula::Cli {

DemoSimulator::DemoSimulator(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("specula-sim"));
}

DemoSimulator::~DemoSimulator()
{
    // Deleted as its thread finishes: a deleteLater() queued just before quit() may never run,
    // when the loop exits before it reaches the call.
    if (m_server)
        connect(m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    m_thread->quit();
    m_thread->wait();
}

QString DemoSimulator::kubeconfigPath() const
{
    return m_dir.filePath(QStringLiteral("kubeconfig"));
}

void DemoSimulator::start(const QString &scenarioSpec)
{
    auto scenario = Sim::loadScenario(scenarioSpec);
    if (!scenario) {
        QMetaObject::invokeMethod(
            this, [this, error = scenario.error()] { Q_EMIT failed(error); }, Qt::QueuedConnection);
        return;
    }
    m_server = new Sim::SimServer(std::move(scenario).value(), Sim::ServerOptions {});
    m_server->moveToThread(m_thread);
    m_thread->start();
    const QString path = kubeconfigPath();
    // Listening and writing the kubeconfig happen on the simulator's thread; the result comes
    // back queued, so the caller's thread never waits.
    QMetaObject::invokeMethod(m_server, [this, server = m_server, path] {
        const auto url = server->start();
        QString message;
        std::optional<Core::Error> error;
        if (!url)
            error = url.error();
        else if (!server->writeKubeconfig(path, Sim::SimServer::KubeconfigAuth::ClientCertificate, &message))
            error = Core::Error { Core::Error::Kind::Config, message, path, 0, {} };
        QMetaObject::invokeMethod(this, [this, error, path] {
            if (error)
                Q_EMIT failed(*error);
            else
                Q_EMIT ready(path);
        });
    });
}

} // namespace Specula::Cli
