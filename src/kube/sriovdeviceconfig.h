// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "kube/resources.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Specula::Kube {

// One entry of a resource's "selectors" in the SR-IOV network device plugin's config.json.
// A device joins the pool when it matches every list that is set (and isRdma when set).
struct SriovDpSelector
{
    QStringList vendors; // hex, no 0x: "8086"
    QStringList devices; // VF device ids: "154c"
    QStringList drivers;
    QStringList pciAddresses;
    QStringList pfNames; // may carry VF ranges: "p0#1-5"
    QStringList rootDevices;
    QStringList linkTypes;
    std::optional<bool> isRdma;
};

struct SriovDpResource
{
    QString resourceName; // "intel_sriov_netdevice"
    QString resourcePrefix; // empty: the plugin's --resource-prefix (intel.com unless set)
    QString deviceType; // netDevice (the plugin's default when missing), accelerator, auxNetDevice
    QList<SriovDpSelector> selectors;
};

// Parses config.json. "selectors" is one object (the old syntax) or a list of them, and both
// can appear in one file. Unknown keys are ignored. Bad JSON or a field of the wrong type gives
// one Parse error: `where` (e.g. "ConfigMap kube-system/sriovdp-config config.json") with the
// line and column, or the field path ("resourceList[2].selectors[0].vendors: …").
Core::Result<QList<SriovDpResource>> parseSriovDeviceConfig(const QByteArray &json, const QString &where);

// The device plugin configuration a ConfigMap holds, with the node each part applies to. Two
// ConfigMaps hold it: "sriovdp-config" (the standalone plugin's) and "device-plugin-config"
// (written by the SR-IOV network operator into its namespace). In both, key "config.json"
// applies to every node and any other key is a node name whose value is that node's config.json:
// the operator writes one key per node, and the plugin's docs show the same for sriovdp-config
// with a per-node --config-file. Each key parses on its own, so one broken node config does not
// hide the others.
struct SriovDeviceConfigEntry
{
    QString nodeName; // empty: every node
    QString key; // the data key the JSON came from
    QList<SriovDpResource> resources;
    std::optional<Core::Error> error; // set when this key's JSON did not parse; resources empty
};

// Entries sorted by key; empty for any other ConfigMap.
QList<SriovDeviceConfigEntry> sriovDeviceConfigsOf(const ConfigMap &configMap);

} // namespace Specula::Kube
