// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "net/credentials.h"

#include <QJsonObject>
#include <memory>

namespace Specula::Kube {

class KubeConfigEntry;

// Turns a kubeconfig `user` into the source of its credentials, with kubectl's rules: one
// authentication method, removed auth-providers named with their replacement, exec plugins
// checked before they are run.
class KubeConfigAuth
{
public:
    // `execCluster` is spec.cluster of the ExecCredential request, for provideClusterInfo.
    // A user with nothing in it gives a null source (anonymous).
    static Core::Result<std::shared_ptr<Net::CredentialSource>> credentials(const KubeConfigEntry &user,
                                                                            const QJsonObject &execCluster);
};

} // namespace Specula::Kube
