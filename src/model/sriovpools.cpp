// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/sriovpools.h"

#include "core/pciaddress.h"
#include "model/clustersnapshot.h"

#include <algorithm>

namespace Specula::Model {
namespace {

QString bareName(const QString &resource)
{
    return resource.section(QLatin1Char('/'), -1);
}

// Operators and the device plugin name a pool without its prefix; the node's resource list
// knows the prefix this install uses.
QString resolve(const QString &pool, const QStringList &nodeResources)
{
    if (pool.isEmpty() || pool.contains(QLatin1Char('/')))
        return pool;
    for (const auto &resource : nodeResources) {
        if (resource.contains(QLatin1Char('/')) && bareName(resource) == pool)
            return resource;
    }
    return pool;
}

bool sameHex(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool containsHex(const QStringList &list, const QString &value)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const QString &item) { return sameHex(item, value); });
}

bool samePci(const QString &a, const QString &b)
{
    return Core::normalizedPciAddress(a) == Core::normalizedPciAddress(b);
}

bool containsPci(const QStringList &list, const QString &address)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const QString &item) { return samePci(item, address); });
}

// pfNames entries may select a VF range: "ens1f0#0-3".
bool containsPfName(const QStringList &pfNames, const QString &name)
{
    return std::any_of(pfNames.cbegin(), pfNames.cend(),
                       [&](const QString &entry) { return entry.section(QLatin1Char('#'), 0, 0) == name; });
}

bool nodeSelected(const Kube::StringMap &selector, const Kube::Node &node)
{
    for (auto it = selector.cbegin(); it != selector.cend(); ++it) {
        const auto label = node.meta.labels.constFind(it.key());
        if (label == node.meta.labels.cend() || *label != it.value())
            return false;
    }
    return true;
}

bool policySelects(const Kube::SriovNicSelector &nic, const Kube::SriovInterface &pf)
{
    const bool empty = nic.vendor.isEmpty() && nic.deviceId.isEmpty() && nic.pfNames.isEmpty()
        && nic.rootDevices.isEmpty() && nic.netFilter.isEmpty();
    if (empty)
        return false;
    return (nic.vendor.isEmpty() || sameHex(nic.vendor, pf.vendor))
        && (nic.deviceId.isEmpty() || sameHex(nic.deviceId, pf.deviceId))
        && (nic.pfNames.isEmpty() || containsPfName(nic.pfNames, pf.name))
        && (nic.rootDevices.isEmpty() || containsPci(nic.rootDevices, pf.pciAddress));
}

// A device-plugin selector takes a VF when every list it sets holds the VF's (or its PF's) value.
bool selectorTakes(const Kube::SriovDpSelector &s, const Kube::SriovInterface &pf, const Kube::SriovVf &vf)
{
    return (s.vendors.isEmpty() || containsHex(s.vendors, vf.vendor))
        && (s.devices.isEmpty() || containsHex(s.devices, vf.deviceId))
        && (s.drivers.isEmpty() || s.drivers.contains(vf.driver))
        && (s.pciAddresses.isEmpty() || containsPci(s.pciAddresses, vf.pciAddress))
        && (s.pfNames.isEmpty() || containsPfName(s.pfNames, pf.name))
        && (s.rootDevices.isEmpty() || containsPci(s.rootDevices, pf.pciAddress))
        && (s.linkTypes.isEmpty() || s.linkTypes.contains(pf.linkType, Qt::CaseInsensitive));
}

QString fullResourceName(const Kube::SriovDpResource &resource)
{
    return resource.resourcePrefix.isEmpty() ? resource.resourceName
                                             : resource.resourcePrefix + QLatin1Char('/') + resource.resourceName;
}

} // namespace

SriovPoolCatalog::SriovPoolCatalog(const ClusterObjects &objects, QStringList *warnings)
{
    for (const auto &nad : objects.networkAttachments) {
        if (nad.resourceName.isEmpty())
            continue;
        m_fullNames.insert(nad.resourceName);
        m_networkPools.insert(nad.meta.namespaceName + QLatin1Char('/') + nad.meta.name, nad.resourceName);
    }
    for (const auto &state : objects.sriovStates) {
        for (const auto &nic : state.specInterfaces) {
            for (const auto &group : nic.vfGroups)
                m_bareNames.insert(group.resourceName);
        }
    }
    for (const auto &policy : objects.sriovPolicies) {
        m_bareNames.insert(policy.resourceName);
        m_policies.append(policy);
    }
    // The operator applies the policy with the lowest priority number last, so it wins.
    std::stable_sort(m_policies.begin(), m_policies.end(),
                     [](const auto &a, const auto &b) { return a.priority < b.priority; });
    for (const auto &configMap : objects.deviceConfigs) {
        for (auto &entry : Kube::sriovDeviceConfigsOf(configMap)) {
            if (entry.error) {
                if (warnings)
                    warnings->append(entry.error->toString());
                continue;
            }
            for (const auto &resource : std::as_const(entry.resources)) {
                m_bareNames.insert(resource.resourceName);
                if (!resource.resourcePrefix.isEmpty())
                    m_fullNames.insert(fullResourceName(resource));
            }
            m_deviceConfigs.append(std::move(entry));
        }
    }
    m_bareNames.remove(QString());
}

bool SriovPoolCatalog::isPool(const QString &resourceName) const
{
    return m_fullNames.contains(resourceName) || m_bareNames.contains(bareName(resourceName));
}

QSet<QString> SriovPoolCatalog::pools(const QSet<QString> &resourceNames) const
{
    QSet<QString> result;
    for (const auto &name : resourceNames) {
        if (isPool(name))
            result.insert(name);
    }
    return result;
}

QString SriovPoolCatalog::poolOf(const Kube::Node &node, const Kube::SriovNetworkNodeState &state,
                                 const Kube::SriovInterface &pf, const QStringList &nodeResources,
                                 const QStringList &heldPools) const
{
    for (const QString &pool : { fromSpec(state, pf), fromPolicies(node, pf), fromDeviceConfigs(node, pf) }) {
        if (!pool.isEmpty())
            return resolve(pool, nodeResources);
    }
    return heldPools.isEmpty() ? QString() : heldPools.first();
}

QString SriovPoolCatalog::fromSpec(const Kube::SriovNetworkNodeState &state, const Kube::SriovInterface &pf) const
{
    for (const auto &nic : state.specInterfaces) {
        if ((samePci(nic.pciAddress, pf.pciAddress) || (nic.pciAddress.isEmpty() && nic.name == pf.name))
            && !nic.vfGroups.isEmpty())
            return nic.vfGroups.first().resourceName;
    }
    return {};
}

QString SriovPoolCatalog::fromPolicies(const Kube::Node &node, const Kube::SriovInterface &pf) const
{
    for (const auto &policy : m_policies) {
        if (nodeSelected(policy.nodeSelector, node) && policySelects(policy.nicSelector, pf))
            return policy.resourceName;
    }
    return {};
}

QString SriovPoolCatalog::fromDeviceConfigs(const Kube::Node &node, const Kube::SriovInterface &pf) const
{
    for (const auto &config : m_deviceConfigs) {
        if (!config.nodeName.isEmpty() && config.nodeName != node.meta.name)
            continue;
        for (const auto &resource : config.resources) {
            for (const auto &selector : resource.selectors) {
                const bool takes = std::any_of(pf.vfs.cbegin(), pf.vfs.cend(), [&](const Kube::SriovVf &vf) {
                    return selectorTakes(selector, pf, vf);
                });
                if (takes)
                    return fullResourceName(resource);
            }
        }
    }
    return {};
}

} // namespace Specula::Model
