// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "kube/kubeconfig.h"

#include <QObject>

class QCommandLineParser;

namespace Specula::Cli {

class DemoSimulator;

// CONNECTION = [--kubeconfig FILE] [--context NAME] | --demo, shared by the window and every
// command.
struct ConnectionOptions
{
    QString kubeconfig;
    QString context;
    bool demo = false;

    static void addTo(QCommandLineParser &parser);
    static ConnectionOptions from(const QCommandLineParser &parser);
};

// Turns ConnectionOptions into a loaded kubeconfig and the context to use. Asynchronous because
// --demo first starts the simulated cluster.
class ConnectionResolver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionResolver)

public:
    explicit ConnectionResolver(QObject *parent = nullptr);
    ~ConnectionResolver() override;

    // Emits resolved() or failed() once.
    void resolve(const ConnectionOptions &options);

Q_SIGNALS:
    void resolved(const Specula::Kube::KubeConfig &config, const QString &context);
    void failed(const Specula::Core::Error &error);

private:
    void load(const QString &explicitPath, const QString &context);

    DemoSimulator *m_demo = nullptr;
};

} // namespace Specula::Cli
