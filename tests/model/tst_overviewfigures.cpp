// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/overviewfigures.h"
#include "testsnapshots.h"

#include <QTest>

using namespace Specula;
using Model::ResourceClass;

class TestOverviewFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsDevicesOfTheTopologySnapshot()
    {
        const auto f = Model::OverviewFigures::of(TestSnapshots::topology(), {});
        QCOMPARE(f.gpusTotal, std::optional<int>(4));
        QCOMPARE(f.gpuNodesUncounted, 0);
        QCOMPARE(f.gpusAllocated, 1); // gpu-a's nvidia.com/gpu, the named GPU-1111
        QCOMPARE(f.migTotal, 11); // 2 + 7 + 2
        QCOMPARE(f.migAllocated, 2);
        QCOMPARE(f.vfsTotal, 4);
        QCOMPARE(f.vfsAllocated, 1);
        QCOMPARE(f.vfsNotCreated, 60);
        QCOMPARE(f.podsHoldingDevices, 4);
        QCOMPARE(f.pendingPods, 0);
        // No readings: unknown, not zero.
        QVERIFY(!f.gpusBusy);
        QCOMPARE(f.gpusWithReadings, 0);
        QVERIFY(!f.powerW);
        QVERIFY(f.idle.isEmpty());
        QVERIFY(f.idleFromLatest);
    }

    void busyAndPowerFromWholeGpusOnly()
    {
        const auto f = Model::OverviewFigures::of(TestSnapshots::withReadings(), {});
        QCOMPARE(f.gpusWithReadings, 2);
        QCOMPARE(f.gpusBusy, std::optional<int>(1));
        QCOMPARE(f.powerW, std::optional<double>(400.5));
    }

    void idleFromLatestReadingsWithoutRangeMeans()
    {
        const auto f = Model::OverviewFigures::of(TestSnapshots::withReadings(), {});
        QVERIFY(f.idleFromLatest);
        QCOMPARE(f.idle.size(), 2);
        const Model::IdleGpu infer { u"ml"_qs, u"infer-0"_qs, u"gpu-a"_qs, u"GPU-1111"_qs, u"GPU 1"_qs, 2.0 };
        const Model::IdleGpu train { u"ml"_qs, u"train-0"_qs, u"gpu-a"_qs, u"MIG-aaaa"_qs, u"MIG 1g.10gb"_qs, 1.0 };
        QCOMPARE(f.idle.at(0), infer);
        QCOMPARE(f.idle.at(1), train);
    }

    void idleFromRangeMeans()
    {
        // The range means decide, whatever the latest reading says.
        auto f = Model::OverviewFigures::of(TestSnapshots::withReadings(),
                                            { { u"GPU-1111"_qs, 30.0 }, { u"MIG-aaaa"_qs, 4.5 } });
        QVERIFY(!f.idleFromLatest);
        QCOMPARE(f.idle.size(), 1);
        QCOMPARE(f.idle.first().pod, u"train-0"_qs);
        QCOMPARE(f.idle.first().utilPercent, 4.5);
        // A device without a range mean is unknown, so not idle.
        f = Model::OverviewFigures::of(TestSnapshots::withReadings(), { { u"GPU-1111"_qs, 1.0 } });
        QCOMPARE(f.idle.size(), 1);
        QCOMPARE(f.idle.first().uuid, u"GPU-1111"_qs);
        // A free GPU is never idle-but-allocated, however quiet.
        f = Model::OverviewFigures::of(TestSnapshots::withReadings(), { { u"GPU-0000"_qs, 0.0 } });
        QVERIFY(f.idle.isEmpty());
    }

    void namespaceFilterAppliesToPodFigures()
    {
        auto s = TestSnapshots::withReadings();
        s.pods.append(TestSnapshots::pendingPod(u"ml"_qs, u"wants-gpu"_qs, u"nvidia.com/mig-3g.40gb"_qs, 1, 60));
        s.pods.append(TestSnapshots::pendingPod(u"ml"_qs, u"wants-fpga"_qs, u"example.com/fpga"_qs, 1, 60));
        s.pods.append(
            TestSnapshots::pendingPod(u"telco"_qs, u"wants-vf"_qs, u"openshift.io/intel_sriov_netdevice"_qs, 1, 60));
        std::sort(s.pods.begin(), s.pods.end(), [](const auto &a, const auto &b) { return a.key() < b.key(); });

        auto f = Model::OverviewFigures::of(s, {});
        QCOMPARE(f.pendingPods, 2);
        QCOMPARE(f.pendingGpuPods, 1);
        QCOMPARE(f.pendingVfPods, 1);
        QCOMPARE(f.podsHoldingDevices, 4);

        f = Model::OverviewFigures::of(s, {}, u"telco"_qs);
        QCOMPARE(f.pendingPods, 1);
        QCOMPARE(f.pendingVfPods, 1);
        QCOMPARE(f.podsHoldingDevices, 1);
        QVERIFY(f.idle.isEmpty());
        // Device figures stay the cluster's.
        QCOMPARE(f.gpusTotal, std::optional<int>(4));
        QCOMPARE(f.vfsTotal, 4);
    }

    void migSingleAndTimeSlicedNodes()
    {
        auto s = TestSnapshots::topology();
        Model::NodeSummary single;
        single.name = u"mig-single"_qs;
        single.ready = true;
        single.resources = { { u"nvidia.com/gpu"_qs, ResourceClass::Gpu, 14, 14, 3 } };
        single.gpu = Model::NodeGpu {};
        single.gpu->migStrategy = Model::MigStrategy::Single;
        Model::NodeSummary sliced;
        sliced.name = u"t4"_qs;
        sliced.ready = true;
        sliced.resources = { { u"nvidia.com/gpu"_qs, ResourceClass::Gpu, 8, 8, 3 } };
        sliced.gpu = Model::NodeGpu {};
        sliced.gpu->sharing = Model::GpuSharing::TimeSlicing;
        sliced.gpu->replicas = 4;
        s.nodes.append(single);
        s.nodes.append(sliced);

        const auto f = Model::OverviewFigures::of(s, {});
        QCOMPARE(f.gpusTotal, std::optional<int>(6)); // 4 + the T4 node's 8 ÷ 4
        QCOMPARE(f.gpuNodesUncounted, 1); // MIG single hides the physical count
        QCOMPARE(f.gpusAllocated, 2); // 1 + at least one time-sliced GPU
        QCOMPARE(f.migTotal, 25);
        QCOMPARE(f.migAllocated, 5);
    }

    void noGpuNodesMeansNoGpuTotal()
    {
        auto s = TestSnapshots::topology();
        s.nodes.removeIf([](const Model::NodeSummary &n) { return n.gpu.has_value(); });
        const auto f = Model::OverviewFigures::of(s, {});
        QVERIFY(!f.gpusTotal);
        QCOMPARE(f.gpusAllocated, 0);
        QCOMPARE(f.vfsTotal, 4);
    }
};

QTEST_GUILESS_MAIN(TestOverviewFigures)
#include "tst_overviewfigures.moc"
