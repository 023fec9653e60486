// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/resources.h"
#include "kube/sriovdeviceconfig.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace Specula::Model {

struct ClusterObjects;

// Which extended resources are SR-IOV VF pools, and which pool each physical function feeds.
// The sources, in the order a PF's pool is looked for: the operator's SriovNetworkNodeState
// spec (vfGroups), SriovNetworkNodePolicies whose node and NIC selectors match, the device
// plugin's config.json selectors, and the NetworkAttachmentDefinition of a pod holding one of
// the PF's VFs. Operators and the device plugin name pools without their prefix
// ("intel_sriov_netdevice"); the node's own resource list supplies it ("openshift.io/…"), since
// the prefix differs between installs (openshift.io, nvidia.com, intel.com, …).
class SriovPoolCatalog
{
public:
    // Malformed device-plugin configs are reported in `warnings` and skipped.
    SriovPoolCatalog(const ClusterObjects &objects, QStringList *warnings);

    // A resource is a pool when any source names it, with or without its prefix.
    bool isPool(const QString &resourceName) const;
    // The full names of every pool any source names, in the form `resourceNames` spells them.
    QSet<QString> pools(const QSet<QString> &resourceNames) const;
    // The NAD's resourceName annotation for "namespace/name".
    QString networkPool(const QString &network) const { return m_networkPools.value(network); }

    // The pool the VFs of `pf` feed on `node`, spelled as the node's resource; empty if no
    // source says. `heldPools` are the pools of networks that hold the PF's VFs.
    QString poolOf(const Kube::Node &node, const Kube::SriovNetworkNodeState &state, const Kube::SriovInterface &pf,
                   const QStringList &nodeResources, const QStringList &heldPools) const;

private:
    QString fromSpec(const Kube::SriovNetworkNodeState &state, const Kube::SriovInterface &pf) const;
    QString fromPolicies(const Kube::Node &node, const Kube::SriovInterface &pf) const;
    QString fromDeviceConfigs(const Kube::Node &node, const Kube::SriovInterface &pf) const;

    QSet<QString> m_fullNames;
    QSet<QString> m_bareNames;
    QList<Kube::SriovNetworkNodePolicy> m_policies; // by priority, most important first
    QList<Kube::SriovDeviceConfigEntry> m_deviceConfigs; // the ones that parsed
    QHash<QString, QString> m_networkPools; // "namespace/nad" → resource name
};

} // namespace Specula::Model
