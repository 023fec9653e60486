// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/prometheussettings.h"

#include <QString>
#include <QStringList>

namespace Specula::Profiles {

// A saved connection: which cluster, how to reach its Prometheus, and how the views start.
// The Prometheus token and password are not part of it: SecretStore keeps them in the keychain,
// and ProfileStore never writes prometheus.bearerToken or prometheus.password.
struct Profile
{
    QString name;
    QString kubeconfig; // empty: the KUBECONFIG rules, then ~/.kube/config
    QString context; // empty: the kubeconfig's current context
    Model::PrometheusSettings prometheus;
    int refreshSeconds = 30;
    QStringList namespaces; // the default namespace filter; empty: every namespace

    friend bool operator==(const Profile &, const Profile &) = default;
};

} // namespace Specula::Profiles
