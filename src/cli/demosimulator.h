// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QObject>
#include <QTemporaryDir>
#include <memory>

class QThread;

namespace Specula::Sim {
class SimServer;
}

namespace Specula::Cli {

// The built-in simulated cluster behind `--demo`: a real SimServer on a loopback port, run on
// its own thread so serving never competes with the window, reached through a kubeconfig it
// writes, so the demo uses the same code paths as a real cluster.
class DemoSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSimulator)

public:
    explicit DemoSimulator(QObject *parent = nullptr);
    ~DemoSimulator() override;

    // Starts `scenario` ("builtin:demo"); emits ready() or failed() once.
    void start(const QString &scenario = QStringLiteral("builtin:demo"));
    QString kubeconfigPath() const;

Q_SIGNALS:
    void ready(const QString &kubeconfigPath);
    void failed(const Specula::Core::Error &error);

private:
    QTemporaryDir m_dir;
    QThread *m_thread;
    Sim::SimServer *m_server = nullptr; // lives on m_thread
};

} // namespace Specula::Cli
