// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "net/connectioncontext.h"

#include <QStringList>
#include <memory>

namespace Specula::Kube {

// Where kubeconfig comes from, as kubectl decides it: --kubeconfig, else the KUBECONFIG list,
// else ~/.kube/config.
struct KubeConfigSources
{
    QString explicitPath; // --kubeconfig
    QString kubeconfigEnv; // the KUBECONFIG variable as set
    QString homeDir; // where ~/.kube/config lives

    static KubeConfigSources fromEnvironment(const QString &explicitPath = {});
};

struct KubeConfigData;

// The merged kubeconfig, read with kubectl's semantics. Loading checks the files' syntax;
// resolving a context checks everything that context needs (certificates, keys, exec).
class KubeConfig
{
public:
    static Core::Result<KubeConfig> load(const KubeConfigSources &sources);

    QStringList files() const; // the files that were merged, in order
    QStringList contextNames() const;
    QString currentContext() const; // may be empty
    // An empty name means the current context.
    Core::Result<Net::ConnectionContext> resolve(const QString &contextName = {}) const;

private:
    Core::Result<Net::ConnectionContext> resolveContext(const QString &contextName) const;

    std::shared_ptr<const KubeConfigData> d;
};

} // namespace Specula::Kube
