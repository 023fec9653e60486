// SPDX-License-Identifier: GPL-3.0-or-later
// The SR-IOV network operator's kinds (sriovnetwork.openshift.io or sriovnetwork.k8s.cni.cncf.io).
#include "kube/jsonreader.h"
#include "kube/resourceparsers.h"

namespace Specula::Kube {

using namespace JsonRead;

Core::Result<SriovNetworkNodeState> ResourceParsers::parseSriovNetworkNodeState(const QJsonObject &o)
{
    Reader r;
    SriovNetworkNodeState state;
    state.meta = r.meta(o);
    state.apiGroup = r.str(o, QLatin1String("apiVersion"), {}).section(QLatin1Char('/'), 0, 0);
    const QJsonObject status = r.object(o, QLatin1String("status"), {});
    state.syncStatus = r.str(status, QLatin1String("syncStatus"), kStatus);
    state.lastSyncError = r.str(status, QLatin1String("lastSyncError"), kStatus);
    // Field names follow the operator's Go JSON tags: "Vfs", "Vlan", "totalvfs", "vfID".
    r.forEachObject(status, QLatin1String("interfaces"), kStatus, [&](const QJsonObject &i, const Path &p) {
        SriovInterface nic;
        nic.name = r.str(i, QLatin1String("name"), p);
        nic.mac = r.str(i, QLatin1String("mac"), p);
        nic.driver = r.str(i, QLatin1String("driver"), p);
        nic.pciAddress = r.str(i, QLatin1String("pciAddress"), p);
        nic.vendor = r.str(i, QLatin1String("vendor"), p);
        nic.deviceId = r.str(i, QLatin1String("deviceID"), p);
        nic.linkSpeed = r.str(i, QLatin1String("linkSpeed"), p);
        nic.linkType = r.str(i, QLatin1String("linkType"), p);
        nic.mtu = r.integer(i, QLatin1String("mtu"), p);
        nic.numVfs = r.integer(i, QLatin1String("numVfs"), p).value_or(0);
        nic.totalVfs = r.integer(i, QLatin1String("totalvfs"), p);
        r.forEachObject(i, QLatin1String("Vfs"), p, [&](const QJsonObject &v, const Path &vp) {
            SriovVf vf;
            vf.vfId = r.integer(v, QLatin1String("vfID"), vp).value_or(0);
            vf.name = r.str(v, QLatin1String("name"), vp);
            vf.mac = r.str(v, QLatin1String("mac"), vp);
            vf.driver = r.str(v, QLatin1String("driver"), vp);
            vf.pciAddress = r.str(v, QLatin1String("pciAddress"), vp);
            vf.vendor = r.str(v, QLatin1String("vendor"), vp);
            vf.deviceId = r.str(v, QLatin1String("deviceID"), vp);
            vf.vlan = r.integer(v, QLatin1String("Vlan"), vp);
            vf.mtu = r.integer(v, QLatin1String("mtu"), vp);
            nic.vfs.append(std::move(vf));
        });
        state.interfaces.append(std::move(nic));
    });
    const QJsonObject spec = r.object(o, QLatin1String("spec"), {});
    r.forEachObject(spec, QLatin1String("interfaces"), kSpec, [&](const QJsonObject &i, const Path &p) {
        SriovSpecInterface pf;
        pf.name = r.str(i, QLatin1String("name"), p);
        pf.pciAddress = r.str(i, QLatin1String("pciAddress"), p);
        pf.numVfs = r.integer(i, QLatin1String("numVfs"), p).value_or(0);
        r.forEachObject(i, QLatin1String("vfGroups"), p, [&](const QJsonObject &g, const Path &gp) {
            SriovVfGroup group;
            group.resourceName = r.str(g, QLatin1String("resourceName"), gp);
            group.deviceType = r.str(g, QLatin1String("deviceType"), gp);
            group.vfRange = r.str(g, QLatin1String("vfRange"), gp);
            group.policyName = r.str(g, QLatin1String("policyName"), gp);
            pf.vfGroups.append(std::move(group));
        });
        state.specInterfaces.append(std::move(pf));
    });
    return finish(r, "SriovNetworkNodeState", std::move(state));
}

Core::Result<SriovNetworkNodePolicy> ResourceParsers::parseSriovNetworkNodePolicy(const QJsonObject &o)
{
    Reader r;
    SriovNetworkNodePolicy policy;
    policy.meta = r.meta(o);
    policy.apiGroup = r.str(o, QLatin1String("apiVersion"), {}).section(QLatin1Char('/'), 0, 0);
    const QJsonObject spec = r.object(o, QLatin1String("spec"), {});
    policy.resourceName = r.str(spec, QLatin1String("resourceName"), kSpec);
    // The CRD defaults deviceType, so the API server always returns it; manifests written by
    // hand may leave it out and mean the same default.
    policy.deviceType = r.str(spec, QLatin1String("deviceType"), kSpec);
    if (policy.deviceType.isEmpty())
        policy.deviceType = QStringLiteral("netdevice");
    policy.numVfs = r.integer(spec, QLatin1String("numVfs"), kSpec).value_or(0);
    // No CRD default and `omitempty` in the Go type: a missing priority is 0 (the highest) to
    // the operator, and a policy with priority 0 comes back without the field.
    policy.priority = r.integer(spec, QLatin1String("priority"), kSpec).value_or(0);
    policy.isRdma = r.boolean(spec, QLatin1String("isRdma"), kSpec);
    policy.nodeSelector = r.stringMap(spec, QLatin1String("nodeSelector"), kSpec);
    const Path nicPath = kSpec.child(QLatin1String("nicSelector"));
    const QJsonObject nic = r.object(spec, QLatin1String("nicSelector"), kSpec);
    policy.nicSelector.vendor = r.str(nic, QLatin1String("vendor"), nicPath);
    policy.nicSelector.deviceId = r.str(nic, QLatin1String("deviceID"), nicPath);
    policy.nicSelector.pfNames = r.strings(nic, QLatin1String("pfNames"), nicPath);
    policy.nicSelector.rootDevices = r.strings(nic, QLatin1String("rootDevices"), nicPath);
    policy.nicSelector.netFilter = r.str(nic, QLatin1String("netFilter"), nicPath);
    return finish(r, "SriovNetworkNodePolicy", std::move(policy));
}

} // namespace Specula::Kube
