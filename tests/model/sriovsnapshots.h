// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A hand-built cluster for the VF allocation and SR-IOV page tests: every case the counts have.

#include "testsnapshots.h"

namespace Specula::TestSnapshots {

inline Model::PhysicalFunction pf(const QString &name, const QString &pci, const QString &pool, int numVfs,
                                  std::optional<int> totalVfs, QList<Model::VirtualFunction> vfs)
{
    Model::PhysicalFunction p;
    p.name = name;
    p.pciAddress = pci;
    p.vendor = QStringLiteral("8086");
    p.deviceId = QStringLiteral("158b");
    p.driver = QStringLiteral("i40e");
    p.linkSpeedMbps = 25000;
    p.mtu = 9000;
    p.numVfs = numVfs;
    p.totalVfs = totalVfs;
    p.resource = pool;
    p.vfs = std::move(vfs);
    return p;
}

inline Model::PodRef holder(const QString &ns, const QString &name)
{
    return Model::PodRef { ns, name, {} };
}

// node-a: ens1f0 (pool intel, 4 of 8 VFs, one held by telco/cnf-0), ens1f1 (no pool, 2 VFs,
//         totalVfs unknown, both held: telco/cnf-1 and media/encoder-0), eno1 (not SR-IOV capable).
// node-b: ens2f0 (pool intel, no VFs created of 16, link down).
// node-c: no SR-IOV at all.
// node-d: ens3f0 (pool mlnx, numVfs 3 while the operator lists only 2 VFs, of 8).
inline Model::ClusterSnapshot sriov()
{
    const QString intel = QStringLiteral("openshift.io/intel_sriov_netdevice");
    const QString mlnx = QStringLiteral("openshift.io/mlnx_sriov_rdma");
    Model::ClusterSnapshot s;
    s.context = QStringLiteral("lab");

    Model::NodeSummary a;
    a.name = QStringLiteral("node-a");
    a.ready = true;
    Model::NodeSriov sa;
    sa.syncStatus = QStringLiteral("Succeeded");
    Model::PhysicalFunction plain;
    plain.name = QStringLiteral("eno1");
    plain.pciAddress = QStringLiteral("0000:01:00.0");
    sa.pfs = { plain,
               pf(QStringLiteral("ens1f0"), QStringLiteral("0000:3b:00.0"), intel, 4, 8,
                  { vf(0, QStringLiteral("0000:3b:02.0"), holder(QStringLiteral("telco"), QStringLiteral("cnf-0")),
                       QStringLiteral("net1")),
                    vf(1, QStringLiteral("0000:3b:02.1")), vf(2, QStringLiteral("0000:3b:02.2")),
                    vf(3, QStringLiteral("0000:3b:02.3")) }),
               pf(QStringLiteral("ens1f1"), QStringLiteral("0000:3b:00.1"), QString(), 2, std::nullopt,
                  { vf(0, QStringLiteral("0000:3b:0a.0"), holder(QStringLiteral("telco"), QStringLiteral("cnf-1")),
                       QStringLiteral("net1")),
                    vf(1, QStringLiteral("0000:3b:0a.1"), holder(QStringLiteral("media"), QStringLiteral("encoder-0")),
                       QStringLiteral("net2")) }) };
    a.sriov = sa;

    Model::NodeSummary b;
    b.name = QStringLiteral("node-b");
    b.ready = true;
    Model::NodeSriov sb;
    sb.syncStatus = QStringLiteral("Succeeded");
    Model::PhysicalFunction down = pf(QStringLiteral("ens2f0"), QStringLiteral("0000:5e:00.0"), intel, 0, 16, {});
    down.linkSpeedMbps.reset();
    down.linkDown = true;
    sb.pfs = { down };
    b.sriov = sb;

    Model::NodeSummary c;
    c.name = QStringLiteral("node-c");
    c.ready = true;

    Model::NodeSummary d;
    d.name = QStringLiteral("node-d");
    d.ready = true;
    Model::NodeSriov sd;
    sd.syncStatus = QStringLiteral("InProgress");
    sd.pfs = { pf(QStringLiteral("ens3f0"), QStringLiteral("0000:af:00.0"), mlnx, 3, 8,
                  { vf(0, QStringLiteral("0000:af:00.2"), holder(QStringLiteral("ml"), QStringLiteral("train-0")),
                       QStringLiteral("net1")),
                    vf(1, QStringLiteral("0000:af:00.3")) }) };
    d.sriov = sd;

    s.nodes = { a, b, c, d };
    return s;
}

} // namespace Specula::TestSnapshots
