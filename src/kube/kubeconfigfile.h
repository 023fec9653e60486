// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "kube/kubeconfigentry.h"

#include <QList>
#include <QString>

namespace Specula::Kube {

// One kubeconfig file as written on disk (lists of named clusters, contexts and users), checked
// for syntax and shape only; meaning is checked when a context is resolved.
class KubeConfigFile
{
public:
    static Core::Result<KubeConfigFile> read(const QString &path);
    static Core::Result<KubeConfigFile> parse(const QByteArray &text, const QString &path);

    QString path;
    QString currentContext;
    int currentContextLine = 0;
    QList<KubeConfigEntry> clusters;
    QList<KubeConfigEntry> contexts;
    QList<KubeConfigEntry> users;
};

} // namespace Specula::Kube
