// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/connectionoptions.h"
#include "kube/kubeconfig.h"

#include <QObject>
#include <memory>
#include <optional>

namespace Specula::Model {
class ClusterSession;
}

namespace Specula::App {

class MainWindow;

// Connects the window to a cluster: resolves the connection options, opens a ClusterSession for
// the chosen context and forwards its snapshots, state and errors to the window. A switch of
// context replaces the session; the tables reset only then.
class AppController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppController)

public:
    explicit AppController(MainWindow *window, QObject *parent = nullptr);
    ~AppController() override;

    void start(const Cli::ConnectionOptions &options);
    Model::ClusterSession *session() const { return m_session.get(); }

Q_SIGNALS:
    // The first complete snapshot of the current context is on screen.
    void loaded();

private:
    void connectTo(const QString &context);
    void reconnect();
    void reportError(const Core::Error &error);

    MainWindow *m_window;
    Cli::ConnectionResolver *m_resolver;
    std::optional<Kube::KubeConfig> m_config;
    QString m_context;
    std::unique_ptr<Model::ClusterSession> m_session;
    bool m_resetOnNextSnapshot = true;
};

} // namespace Specula::App
