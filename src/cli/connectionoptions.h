// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "kube/kubeconfig.h"
#include "profiles/profile.h"

#include <QObject>
#include <optional>

class QCommandLineParser;

namespace Specula::Cli {

class DemoSimulator;

// CONNECTION = [--kubeconfig FILE] [--context NAME] | --profile NAME | --demo, shared by the
// window and every command.
struct ConnectionOptions
{
    QString kubeconfig;
    QString context;
    bool demo = false;
    // --profile: the saved profile that kubeconfig and context come from.
    std::optional<Profiles::Profile> profile;

    static void addTo(QCommandLineParser &parser);
    // The connection a saved profile describes.
    static ConnectionOptions forProfile(const Profiles::Profile &profile);
    // Fails (Config) when --profile is combined with another connection option or names no
    // saved profile.
    static Core::Result<ConnectionOptions> from(const QCommandLineParser &parser);
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
