// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/pendingfit.h"
#include "testsnapshots.h"

#include <QTest>

using namespace Specula;
using Model::ResourceClass;

namespace {

Model::NodeSummary node(const QString &name, QList<Model::NodeResource> resources, bool ready = true,
                        bool unschedulable = false)
{
    Model::NodeSummary n;
    n.name = name;
    n.ready = ready;
    n.unschedulable = unschedulable;
    n.resources = std::move(resources);
    return n;
}

Model::NodeGpu gpu(const QString &product, Model::MigStrategy strategy = Model::MigStrategy::None,
                   Model::GpuSharing sharing = Model::GpuSharing::None)
{
    Model::NodeGpu g;
    g.vendor = u"nvidia"_qs;
    g.product = product;
    g.migStrategy = strategy;
    g.sharing = sharing;
    return g;
}

// Whole GPUs on a100 (3 free) and h100 (4 free), a not-Ready h100, a time-sliced T4 with no
// room, MIG mixed and single nodes, a cordoned node, and three SR-IOV nodes whose mlnx pool is full.
Model::ClusterSnapshot cluster()
{
    Model::ClusterSnapshot s;
    auto a100 = node(u"a100"_qs, { { u"nvidia.com/gpu"_qs, ResourceClass::Gpu, 4, 4, 1 } });
    a100.gpu = gpu(u"NVIDIA-A100-SXM4-80GB"_qs);
    auto cordoned
        = node(u"gpu-cordoned"_qs, { { u"nvidia.com/mig-2g.20gb"_qs, ResourceClass::Mig, 3, 3, 0 } }, true, true);
    cordoned.gpu = gpu(u"NVIDIA-A100-SXM4-80GB"_qs, Model::MigStrategy::Mixed);
    auto h100 = node(u"h100"_qs, { { u"nvidia.com/gpu"_qs, ResourceClass::Gpu, 8, 8, 4 } });
    h100.gpu = gpu(u"NVIDIA-H100-80GB-HBM3"_qs);
    auto down = node(u"h100-down"_qs,
                     { { u"nvidia.com/gpu"_qs, ResourceClass::Gpu, 8, 8, 0 },
                       { u"nvidia.com/gpu.shared"_qs, ResourceClass::GpuShared, 4, 4, 0 } },
                     false);
    down.gpu = gpu(u"NVIDIA-H100-80GB-HBM3"_qs);
    auto mig = node(u"mig"_qs,
                    { { u"nvidia.com/mig-1g.10gb"_qs, ResourceClass::Mig, 7, 7, 7 },
                      { u"nvidia.com/mig-3g.40gb"_qs, ResourceClass::Mig, 2, 2, 1 } });
    mig.gpu = gpu(u"NVIDIA-A100-SXM4-80GB"_qs, Model::MigStrategy::Mixed);
    auto single = node(u"mig-single"_qs, { { u"nvidia.com/gpu"_qs, ResourceClass::Gpu, 14, 14, 12 } });
    single.gpu = gpu(u"NVIDIA-A100-SXM4-40GB"_qs, Model::MigStrategy::Single);
    single.gpu->migProfiles = { { u"1g.5gb"_qs, u"nvidia.com/gpu"_qs, 14, 4864, 14 } };
    QList<Model::NodeSummary> vfNodes;
    for (int i = 0; i < 3; ++i) {
        QList<Model::NodeResource> resources { { u"openshift.io/mlnx_vf"_qs, ResourceClass::Sriov, 2, 2, 2 } };
        if (i == 0)
            resources.prepend({ u"openshift.io/intel"_qs, ResourceClass::Sriov, 4, 4, 1 });
        vfNodes.append(node(u"sriov-%1"_qs.arg(i), resources));
    }
    auto t4 = node(u"t4"_qs, { { u"nvidia.com/gpu"_qs, ResourceClass::Gpu, 8, 8, 8 } });
    t4.gpu = gpu(u"Tesla-T4"_qs, Model::MigStrategy::None, Model::GpuSharing::TimeSlicing);
    t4.gpu->replicas = 4;
    s.nodes = { a100, cordoned, h100, down, mig, single, vfNodes[0], vfNodes[1], vfNodes[2], t4 };
    return s;
}

Model::PodSummary pending(const QMap<QString, qint64> &requests, const QMap<QString, QString> &selector = {})
{
    Model::PodSummary pod = TestSnapshots::pod(u"ml"_qs, u"waiting"_qs, {}, {});
    pod.phase = u"Pending"_qs;
    pod.requests = requests;
    pod.nodeSelector = selector;
    pod.pending = Model::PendingReason { u"Unschedulable"_qs, u"0/10 nodes are available"_qs, {} };
    return pod;
}

using Selector = QMap<QString, QString>;
using Requests = QMap<QString, qint64>;
const QString kProduct = u"nvidia.com/gpu.product"_qs;

} // namespace

class TestPendingFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitAndWhy_data()
    {
        QTest::addColumn<Requests>("requests");
        QTest::addColumn<Selector>("selector");
        QTest::addColumn<QStringList>("nodes");
        QTest::addColumn<QString>("why");

        QTest::addRow("whole GPUs fit on two nodes") << Requests { { u"nvidia.com/gpu"_qs, 3 } } << Selector {}
                                                     << QStringList { u"a100"_qs, u"h100"_qs } << QString();
        QTest::addRow("more GPUs than any node has free")
            << Requests { { u"nvidia.com/gpu"_qs, 8 } } << Selector {} << QStringList {}
            << u"nvidia.com/gpu: 8 wanted, at most 4 free (h100)"_qs;
        QTest::addRow("MIG profile fits") << Requests { { u"nvidia.com/mig-3g.40gb"_qs, 1 } } << Selector {}
                                          << QStringList { u"mig"_qs } << QString();
        QTest::addRow("MIG profile nobody offers") << Requests { { u"nvidia.com/mig-7g.80gb"_qs, 1 } } << Selector {}
                                                   << QStringList {} << u"no node has nvidia.com/mig-7g.80gb"_qs;
        QTest::addRow("MIG profile on one full node")
            << Requests { { u"nvidia.com/mig-1g.10gb"_qs, 1 } } << Selector {} << QStringList {}
            << u"the only node with nvidia.com/mig-1g.10gb is full (mig)"_qs;
        QTest::addRow("MIG profile only on a cordoned node")
            << Requests { { u"nvidia.com/mig-2g.20gb"_qs, 1 } } << Selector {} << QStringList {}
            << u"the 1 node with nvidia.com/mig-2g.20gb cannot take pods now (gpu-cordoned cordoned)"_qs;
        QTest::addRow("shared GPUs only on a node that is not Ready")
            << Requests { { u"nvidia.com/gpu.shared"_qs, 1 } } << Selector {} << QStringList {}
            << u"the 1 node with nvidia.com/gpu.shared cannot take pods now (h100-down not Ready)"_qs;
        QTest::addRow("VF pool fits") << Requests { { u"openshift.io/intel"_qs, 3 } } << Selector {}
                                      << QStringList { u"sriov-0"_qs } << QString();
        QTest::addRow("VF pool full everywhere")
            << Requests { { u"openshift.io/mlnx_vf"_qs, 1 } } << Selector {} << QStringList {}
            << u"all 3 nodes with openshift.io/mlnx_vf are full"_qs;
        QTest::addRow("each fits somewhere, never together")
            << Requests { { u"nvidia.com/gpu"_qs, 1 }, { u"openshift.io/intel"_qs, 1 } } << Selector {}
            << QStringList {} << u"no node has room for all of nvidia.com/gpu, openshift.io/intel at once"_qs;
        QTest::addRow("two reasons")
            << Requests { { u"nvidia.com/gpu"_qs, 8 }, { u"openshift.io/mlnx_vf"_qs, 1 } } << Selector {}
            << QStringList {}
            << u"nvidia.com/gpu: 8 wanted, at most 4 free (h100); all 3 nodes with openshift.io/mlnx_vf are full"_qs;
        QTest::addRow("product pinned") << Requests { { u"nvidia.com/gpu"_qs, 3 } }
                                        << Selector { { kProduct, u"NVIDIA-H100-80GB-HBM3"_qs } }
                                        << QStringList { u"h100"_qs } << QString();
        QTest::addRow("product pinned, too few free")
            << Requests { { u"nvidia.com/gpu"_qs, 4 } } << Selector { { kProduct, u"NVIDIA-A100-SXM4-80GB"_qs } }
            << QStringList {} << u"nvidia.com/gpu: 4 wanted, at most 3 free (a100)"_qs;
        QTest::addRow("product nobody has")
            << Requests { { u"nvidia.com/gpu"_qs, 1 } } << Selector { { kProduct, u"NVIDIA-B200"_qs } }
            << QStringList {} << u"no node has nvidia.com/gpu.product=NVIDIA-B200"_qs;
        QTest::addRow("MIG single product label") << Requests { { u"nvidia.com/gpu"_qs, 2 } }
                                                  << Selector { { kProduct, u"NVIDIA-A100-SXM4-40GB-MIG-1g.5gb"_qs } }
                                                  << QStringList { u"mig-single"_qs } << QString();
        QTest::addRow("shared product label, node full")
            << Requests { { u"nvidia.com/gpu"_qs, 1 } } << Selector { { kProduct, u"Tesla-T4-SHARED"_qs } }
            << QStringList {}
            << u"the only node with nvidia.com/gpu and nvidia.com/gpu.product=Tesla-T4-SHARED is full (t4)"_qs;
        QTest::addRow("unshared label does not match a time-sliced node")
            << Requests { { u"nvidia.com/gpu"_qs, 1 } } << Selector { { kProduct, u"Tesla-T4"_qs } } << QStringList {}
            << u"no node has nvidia.com/gpu.product=Tesla-T4"_qs;
    }

    void fitAndWhy()
    {
        QFETCH(Requests, requests);
        QFETCH(Selector, selector);
        QFETCH(QStringList, nodes);
        QFETCH(QString, why);
        const Model::PendingFit fit = Model::PendingFit::of(cluster(), pending(requests, selector));
        QCOMPARE(fit.nodes, nodes);
        QCOMPARE(fit.why, why);
        QCOMPARE(fit.unchecked, QString());
    }

    void otherSelectorKeysAreReportedUnchecked()
    {
        const auto fit = Model::PendingFit::of(
            cluster(),
            pending({ { u"nvidia.com/gpu"_qs, 1 } },
                    { { u"disktype"_qs, u"ssd"_qs }, { kProduct, u"NVIDIA-H100-80GB-HBM3"_qs } }));
        QCOMPARE(fit.nodes, QStringList { u"h100"_qs });
        QCOMPARE(fit.unchecked, u"node selector disktype=ssd not checked (node labels are not in the snapshot)"_qs);
    }

    void wantsDevicesOnlyForPendingPodsAskingForGpusOrVfs()
    {
        auto s = cluster();
        const auto gpuPod = pending({ { u"nvidia.com/gpu"_qs, 1 } });
        const auto vfPod = pending({ { u"openshift.io/mlnx_vf"_qs, 1 } });
        const auto fpgaPod = pending({ { u"example.com/fpga"_qs, 1 } });
        // A pool that no node offers is still known as SR-IOV from the PF that feeds it.
        const auto unknownPool = pending({ { u"openshift.io/gone"_qs, 1 } });
        Model::NodeSriov sriov;
        Model::PhysicalFunction pf;
        pf.pciAddress = u"0000:3b:00.0"_qs;
        pf.resource = u"openshift.io/gone"_qs;
        sriov.pfs = { pf };
        s.nodes[6].sriov = sriov;
        auto running = TestSnapshots::pod(u"ml"_qs, u"run"_qs, u"a100"_qs, { { u"nvidia.com/gpu"_qs, 1 } });
        s.pods = { gpuPod, vfPod, fpgaPod, unknownPool, running };
        const auto kinds = Model::resourceKinds(s);
        QCOMPARE(kinds.value(u"openshift.io/gone"_qs), ResourceClass::Sriov);
        QCOMPARE(kinds.value(u"example.com/fpga"_qs), ResourceClass::Other);
        QVERIFY(Model::PendingFit::wantsDevices(gpuPod, kinds));
        QVERIFY(Model::PendingFit::wantsDevices(vfPod, kinds));
        QVERIFY(Model::PendingFit::wantsDevices(unknownPool, kinds));
        QVERIFY(!Model::PendingFit::wantsDevices(fpgaPod, kinds));
        QVERIFY(!Model::PendingFit::wantsDevices(running, kinds));
    }
};

QTEST_GUILESS_MAIN(TestPendingFit)
#include "tst_pendingfit.moc"
