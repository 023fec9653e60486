// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/connectionoptions.h"

#include "cli/demosimulator.h"

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
}

ConnectionOptions ConnectionOptions::from(const QCommandLineParser &parser)
{
    return { parser.value(QStringLiteral("kubeconfig")), parser.value(QStringLiteral("context")),
             parser.isSet(QStringLiteral("demo")) };
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
