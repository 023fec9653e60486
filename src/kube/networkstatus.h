// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "kube/resources.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Specula::Kube {

// One attachment of a pod, from the Multus network-status annotation. Secondary networks are
// named "<namespace>/<nad>", the default network by its CNI name ("ovn-kubernetes", "cbr0").
struct NetworkStatusEntry
{
    QString name;
    QString interfaceName; // "net1"; empty when the plugin did not report it (often the default)
    QStringList ips; // without prefix length
    QString mac;
    bool isDefault = false;
    // device-info (the NPWG device-info spec); empty for plain CNI attachments.
    QString deviceType; // pci, vdpa, vhost-user, memif
    QString pciAddress; // the VF as written, "0000:98:11.4"; normalise before matching
    QString pfPciAddress;
    QString rdmaDevice; // "mlx5_11"
};

// The attachments in `k8s.v1.cni.cncf.io/network-status`, or the deprecated
// `k8s.v1.cni.cncf.io/networks-status` of Multus 3.x when only that one is set. No annotation
// gives an empty list; a value that is not the JSON array the spec describes gives one Parse
// error whose `where` names the pod and whose message names the annotation and the position.
Core::Result<QList<NetworkStatusEntry>> parseNetworkStatus(const ObjectMeta &meta);
// Whether the object carries a network status annotation (either name) for the function above.
bool hasNetworkStatus(const ObjectMeta &meta);

// The same for the annotation's value alone; `where` prefixes errors ("Pod ns/name").
Core::Result<QList<NetworkStatusEntry>> parseNetworkStatusJson(const QByteArray &json, const QString &where);

} // namespace Specula::Kube
