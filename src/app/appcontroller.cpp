// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontroller.h"

#include "app/mainwindow.h"
#include "core/logging.h"
#include "model/clustersession.h"

namespace Specula::App {
namespace {

MainWindow::Health healthFor(Model::ClusterSession::State state)
{
    switch (state) {
    case Model::ClusterSession::State::Connecting:
    case Model::ClusterSession::State::Loading:
        return MainWindow::Health::Connecting;
    case Model::ClusterSession::State::Live:
        return MainWindow::Health::Live;
    case Model::ClusterSession::State::Reconnecting:
        return MainWindow::Health::Degraded;
    case Model::ClusterSession::State::Failed:
        return MainWindow::Health::Failed;
    }
    return MainWindow::Health::Failed;
}

} // namespace

AppController::AppController(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_resolver(new Cli::ConnectionResolver(this))
{
    connect(m_resolver, &Cli::ConnectionResolver::failed, this, &AppController::reportError);
    connect(m_resolver, &Cli::ConnectionResolver::resolved, this,
            [this](const Kube::KubeConfig &config, const QString &context) {
                m_config = config;
                const QString chosen = context.isEmpty() ? config.currentContext() : context;
                m_window->setContexts(config.contextNames(), chosen);
                connectTo(chosen);
            });
    connect(m_window, &MainWindow::contextRequested, this, &AppController::connectTo);
    connect(m_window, &MainWindow::reconnectRequested, this, &AppController::reconnect);
}

AppController::~AppController() = default;

void AppController::start(const Cli::ConnectionOptions &options)
{
    m_window->showConnection(MainWindow::Health::Connecting,
                             options.demo ? tr("Starting the simulated cluster") : tr("Reading kubeconfig"), {});
    m_resolver->resolve(options);
}

void AppController::connectTo(const QString &context)
{
    if (!m_config)
        return;
    auto resolved = m_config->resolve(context);
    if (!resolved) {
        reportError(resolved.error());
        return;
    }
    m_context = context;
    m_resetOnNextSnapshot = true;
    m_window->clearError();
    m_session = std::make_unique<Model::ClusterSession>(resolved.value());
    const QString server = resolved->insecureSkipTlsVerify
        ? tr("%1 (TLS verification off: insecure-skip-tls-verify)").arg(resolved->server.toString())
        : resolved->server.toString();
    connect(m_session.get(), &Model::ClusterSession::stateChanged, this,
            [this, server](Model::ClusterSession::State state, const QString &detail) {
                m_window->showConnection(healthFor(state), detail, server);
                // The banner describes a problem that is still there.
                if (state == Model::ClusterSession::State::Live)
                    m_window->clearError();
            });
    connect(m_session.get(), &Model::ClusterSession::snapshotReady, this,
            [this](const Model::ClusterSnapshot &snapshot) {
                m_window->showSnapshot(snapshot, std::exchange(m_resetOnNextSnapshot, false));
            });
    connect(m_session.get(), &Model::ClusterSession::loaded, this, &AppController::loaded);
    connect(m_session.get(), &Model::ClusterSession::errorOccurred, this, &AppController::reportError);
    m_session->start();
}

void AppController::reconnect()
{
    connectTo(m_context);
}

void AppController::reportError(const Core::Error &error)
{
    // The banner and stderr say the same thing; the tables keep the last good data.
    qCWarning(lcApp).noquote() << error.toString();
    m_window->showError(error.toString());
    if (!m_session)
        m_window->showConnection(MainWindow::Health::Failed, tr("Not connected"), {});
}

} // namespace Specula::App
