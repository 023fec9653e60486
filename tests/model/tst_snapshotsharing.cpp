// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/snapshotsharing.h"
#include "testsnapshots.h"

#include <QTest>

using namespace Specula;
using TestSnapshots::device;
using TestSnapshots::topology;

namespace {

// Whether two values use one block of memory (rather than two equal ones).
template<class T> bool sameBlock(const QList<T> &a, const QList<T> &b)
{
    return !a.isEmpty() && a.constData() == b.constData();
}

bool sameBlock(const QString &a, const QString &b)
{
    return !a.isEmpty() && a.constData() == b.constData();
}

// Each GPU's PCI address as a text of its own, as a join that normalises addresses makes them.
void ownAddresses(Model::ClusterSnapshot &s)
{
    for (auto &node : s.nodes) {
        if (!node.gpu)
            continue;
        for (auto &d : node.gpu->devices)
            d.pciBusId = QString(d.pciBusId.constData(), d.pciBusId.size());
    }
}

} // namespace

class TestSnapshotSharing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unchangedSnapshotSharesEverything()
    {
        const Model::ClusterSnapshot previous = topology();
        Model::ClusterSnapshot fresh = topology();
        QVERIFY(!sameBlock(fresh.nodes, previous.nodes));
        Model::shareUnchanged(fresh, previous);
        QVERIFY(sameBlock(fresh.nodes, previous.nodes));
        QVERIFY(sameBlock(fresh.pods, previous.pods));
    }

    void changedPodKeepsTheRestShared()
    {
        const Model::ClusterSnapshot previous = topology();
        auto changed = [] {
            Model::ClusterSnapshot s = topology();
            s.pods[1].phase = QStringLiteral("Succeeded"); // ml/notebook
            s.nodes[0].pods.append(QStringLiteral("ml/zeta")); // gpu-a
            return s;
        };
        Model::ClusterSnapshot fresh = changed();
        Model::shareUnchanged(fresh, previous);

        // What it shows is what was built.
        const Model::ClusterSnapshot expected = changed();
        QCOMPARE(fresh.nodes, expected.nodes);
        QCOMPARE(fresh.pods, expected.pods);

        QVERIFY(!sameBlock(fresh.pods, previous.pods));
        QVERIFY(sameBlock(fresh.pods[0].gpus, previous.pods[0].gpus)); // ml/infer-0, unchanged
        QVERIFY(sameBlock(fresh.pods[3].vfs, previous.pods[3].vfs)); // telco/cnf-0, unchanged
        QVERIFY(!sameBlock(fresh.nodes, previous.nodes));
        QVERIFY(!sameBlock(fresh.nodes[0].pods, previous.nodes[0].pods));
        QVERIFY(sameBlock(fresh.nodes[0].resources, previous.nodes[0].resources));
        QVERIFY(sameBlock(fresh.nodes[0].gpu->devices, previous.nodes[0].gpu->devices));
        QVERIFY(sameBlock(fresh.nodes[1].resources, previous.nodes[1].resources)); // gpu-b, unchanged
        QVERIFY(sameBlock(fresh.nodes[2].sriov->pfs, previous.nodes[2].sriov->pfs)); // sriov-0, unchanged
    }

    void newReadingsShareTheDevicesTexts()
    {
        Model::ClusterSnapshot previous = topology();
        ownAddresses(previous);
        Model::ClusterSnapshot fresh = topology();
        ownAddresses(fresh);
        device(fresh, QStringLiteral("GPU-0000"))->readings.utilPercent = 42.0;
        QVERIFY(!sameBlock(device(fresh, QStringLiteral("GPU-0000"))->pciBusId,
                           device(previous, QStringLiteral("GPU-0000"))->pciBusId));

        Model::shareUnchanged(fresh, previous);
        const Model::GpuDevice *busy = device(fresh, QStringLiteral("GPU-0000"));
        const Model::GpuDevice *before = device(previous, QStringLiteral("GPU-0000"));
        QCOMPARE(busy->readings.utilPercent, 42.0);
        QVERIFY(!sameBlock(fresh.nodes[0].gpu->devices, previous.nodes[0].gpu->devices));
        QVERIFY(sameBlock(busy->pciBusId, before->pciBusId));
        const Model::GpuDevice *held = device(fresh, QStringLiteral("GPU-1111"));
        QVERIFY(sameBlock(held->pods, device(previous, QStringLiteral("GPU-1111"))->pods));
        QVERIFY(sameBlock(held->pciBusId, device(previous, QStringLiteral("GPU-1111"))->pciBusId));
    }

    void elementsOutOfStepAreFoundByName()
    {
        const Model::ClusterSnapshot previous = topology();
        Model::ClusterSnapshot fresh = topology();
        Model::NodeSummary first;
        first.name = QStringLiteral("cpu-0");
        fresh.nodes.prepend(first);
        fresh.pods.prepend(TestSnapshots::pod(QStringLiteral("aa"), QStringLiteral("x"), {}, {}));
        fresh.pods[1].gpus = { QStringLiteral("GPU-1111") };

        Model::shareUnchanged(fresh, previous);
        QCOMPARE(fresh.nodes.size(), 4);
        QCOMPARE(fresh.nodes[0].name, QStringLiteral("cpu-0"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(sameBlock(fresh.nodes[i + 1].resources, previous.nodes[i].resources));
        QVERIFY(sameBlock(fresh.pods[1].gpus, previous.pods[0].gpus));
        QVERIFY(sameBlock(fresh.pods[4].vfs, previous.pods[3].vfs));
    }

    void removedNodeShareNothingOfIt()
    {
        const Model::ClusterSnapshot previous = topology();
        Model::ClusterSnapshot fresh = topology();
        fresh.nodes.removeFirst();
        Model::shareUnchanged(fresh, previous);
        QCOMPARE(fresh.nodes.size(), 2);
        QCOMPARE(fresh.nodes[0].name, QStringLiteral("gpu-b"));
        QVERIFY(sameBlock(fresh.nodes[0].resources, previous.nodes[1].resources));
        QVERIFY(sameBlock(fresh.nodes[1].sriov->pfs, previous.nodes[2].sriov->pfs));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotSharing)
#include "tst_snapshotsharing.moc"
