// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/connectionoptions.h"

#include "cli/demosimulator.h"
#include "profiles/profilestore.h"

#include <QCommandLineParser>

namespace Specula::Cli {

void ConnectionOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("kubeconfig"),
                       QStringLiteral("Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)."),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("context"),
                       QStringLiteral("The kubeconfig context to use (default: the current context)."),
                       QStringLiteral("name") });
    parser.addOption(
        { QStringLiteral("demo"), QStringLiteral("Start the built-in simulated cluster and connect to it.") });
    parser.addOption({ QStringLiteral("profile"),
                       QStringLiteral("Connect as the saved profile says (kubeconfig, context, Prometheus; its "
                                      "secrets come from the keychain). Profiles file: $SPECULA_PROFILES_FILE, "
                                      "default %1.")
                           .arg(Profiles::ProfileStore::defaultPath()),
                       QStringLiteral("name") });
}

Core::Result<ConnectionOptions> ConnectionOptions::from(const QCommandLineParser &parser)
{
    ConnectionOptions options { parser.value(QStringLiteral("kubeconfig")), parser.value(QStringLiteral("context")),
                                parser.isSet(QStringLiteral("demo")), std::nullopt };
    if (!parser.isSet(QStringLiteral("profile")))
        return options;
    Core::Error error;
    error.kind = Core::Error::Kind::Config;
    if (parser.isSet(QStringLiteral("kubeconfig")) || parser.isSet(QStringLiteral("context")) || options.demo) {
        error.where = QStringLiteral("--profile");
        error.message = QStringLiteral("cannot be combined with --kubeconfig, --context or --demo");
        return error;
    }
    const QString name = parser.value(QStringLiteral("profile"));
    Profiles::ProfileStore store;
    const QList<Core::Error> problems = store.load();
    const std::optional<Profiles::Profile> profile = store.find(name);
    if (!profile) {
        error.where = store.path();
        error.message = QStringLiteral("no profile named '%1'").arg(name);
        if (!problems.isEmpty())
            error.message += QStringLiteral(" (%1)").arg(problems.first().message);
        return error;
    }
    return forProfile(*profile);
}

ConnectionOptions ConnectionOptions::forProfile(const Profiles::Profile &profile)
{
    return { profile.kubeconfig, profile.context, false, profile };
}

ConnectionResolver::ConnectionResolver(QObject *parent)
    : QObject(parent)
{ }

ConnectionResolver::~ConnectionResolver() = default;

void ConnectionResolver::resolve(const ConnectionOptions &options)
{
    if (!options.demo) {
        // Queued, so callers always hear back from their event loop, never from inside resolve().
        QMetaObject::invokeMethod(
            this, [this, options] { load(options.kubeconfig, options.context); }, Qt::QueuedConnection);
        return;
    }
    m_demo = new DemoSimulator(this);
    connect(m_demo, &DemoSimulator::ready, this,
            [this, context = options.context](const QString &path) { load(path, context); });
    connect(m_demo, &DemoSimulator::failed, this, &ConnectionResolver::failed);
    m_demo->start();
}

void ConnectionResolver::load(const QString &explicitPath, const QString &context)
{
    auto config = Kube::KubeConfig::load(Kube::KubeConfigSources::fromEnvironment(explicitPath));
    if (!config) {
        Q_EMIT failed(config.error());
        return;
    }
    Q_EMIT resolved(config.value(), context);
}

} // namespace Specula::Cli
