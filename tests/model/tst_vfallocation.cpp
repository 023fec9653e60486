// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/tablecsv.h"
#include "model/vfallocation.h"
#include "model/vfallocationtablemodel.h"
#include "sriovsnapshots.h"

#include <QTest>

using namespace Specula;
using Model::VfAllocation;
using Model::VfCounts;
using Model::VfGrouping;

Q_DECLARE_METATYPE(Specula::Model::VfCounts)

namespace Specula::Model {
// Failure messages that show the four counts.
char *toString(const VfCounts &c)
{
    return QTest::toString(QStringLiteral("%1 allocated, %2 free, %3 not created, %4 without total")
                               .arg(c.allocated)
                               .arg(c.free)
                               .arg(c.notCreated)
                               .arg(c.pfsWithoutTotal));
}
} // namespace Specula::Model

class TestVfAllocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsOfOnePf_data()
    {
        QTest::addColumn<int>("numVfs");
        QTest::addColumn<int>("listed");
        QTest::addColumn<int>("held");
        QTest::addColumn<int>("totalVfs"); // -1: not reported
        QTest::addColumn<VfCounts>("expected");
        QTest::addRow("some held") << 4 << 4 << 1 << 8 << VfCounts { 1, 3, 4, 0 };
        QTest::addRow("none created") << 0 << 0 << 0 << 16 << VfCounts { 0, 0, 16, 0 };
        QTest::addRow("all created, all held") << 2 << 2 << 2 << 2 << VfCounts { 2, 0, 0, 0 };
        QTest::addRow("total unknown") << 2 << 2 << 1 << -1 << VfCounts { 1, 1, 0, 1 };
        // The operator is still creating VFs: numVfs says 3, the list has 2.
        QTest::addRow("list behind numVfs") << 3 << 2 << 1 << 8 << VfCounts { 1, 2, 5, 0 };
        // The list is ahead of numVfs (VFs being removed): what exists counts.
        QTest::addRow("list ahead of numVfs") << 1 << 3 << 0 << 4 << VfCounts { 0, 3, 1, 0 };
        // A NIC without SR-IOV counts nothing, not even an unknown total.
        QTest::addRow("not capable") << 0 << 0 << 0 << -1 << VfCounts {};
    }
    void countsOfOnePf()
    {
        QFETCH(int, numVfs);
        QFETCH(int, listed);
        QFETCH(int, held);
        QFETCH(int, totalVfs);
        QFETCH(VfCounts, expected);
        QList<Model::VirtualFunction> vfs;
        for (int i = 0; i < listed; ++i) {
            vfs.append(TestSnapshots::vf(i, QStringLiteral("0000:3b:02.%1").arg(i),
                                         i < held ? std::optional(TestSnapshots::holder(u"ns"_qs, u"p%1"_qs.arg(i)))
                                                  : std::nullopt));
        }
        const auto pf = TestSnapshots::pf(u"ens1f0"_qs, u"0000:3b:00.0"_qs, u"pool"_qs, numVfs,
                                          totalVfs < 0 ? std::nullopt : std::optional(totalVfs), vfs);
        const VfCounts counts = VfAllocation::countsOf(pf);
        QCOMPARE(counts, expected);
        QCOMPARE(counts.created(), numVfs || listed ? std::max(numVfs, listed) : 0);
    }

    void perNode()
    {
        const auto rows = VfAllocation::rows(TestSnapshots::sriov(), VfGrouping::Node);
        // node-c has no SR-IOV and is left out; eno1 on node-a adds nothing.
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].name, u"node-a"_qs);
        QCOMPARE(rows[0].counts, (VfCounts { 3, 3, 4, 1 }));
        QCOMPARE(rows[0].counts.total(), 10);
        QCOMPARE(rows[1].name, u"node-b"_qs);
        QCOMPARE(rows[1].counts, (VfCounts { 0, 0, 16, 0 }));
        QCOMPARE(rows[2].name, u"node-d"_qs);
        QCOMPARE(rows[2].counts, (VfCounts { 1, 2, 5, 0 }));
        QCOMPARE(VfAllocation::total(rows), (VfCounts { 4, 5, 25, 1 }));
    }

    void perPoolWithAPfWithoutPool()
    {
        const auto rows = VfAllocation::rows(TestSnapshots::sriov(), VfGrouping::Pool);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].name, u"(no pool)"_qs);
        QCOMPARE(rows[0].counts, (VfCounts { 2, 0, 0, 1 }));
        // ens1f0 on node-a and ens2f0 on node-b feed the same pool.
        QCOMPARE(rows[1].name, u"openshift.io/intel_sriov_netdevice"_qs);
        QCOMPARE(rows[1].counts, (VfCounts { 1, 3, 20, 0 }));
        QCOMPARE(rows[2].name, u"openshift.io/mlnx_sriov_rdma"_qs);
        QCOMPARE(rows[2].counts, (VfCounts { 1, 2, 5, 0 }));
        // Both groupings count the same VFs.
        QCOMPARE(VfAllocation::total(rows),
                 VfAllocation::total(VfAllocation::rows(TestSnapshots::sriov(), VfGrouping::Node)));
    }

    void noSriovAtAll()
    {
        Model::ClusterSnapshot snapshot = TestSnapshots::topology();
        snapshot.nodes.removeLast(); // the SR-IOV node
        QVERIFY(VfAllocation::rows(snapshot, VfGrouping::Node).isEmpty());
        QCOMPARE(VfAllocation::total({}), VfCounts {});
    }

    void csvOfTheNumbers()
    {
        Model::VfAllocationTableModel model;
        model.setRows(VfAllocation::rows(TestSnapshots::sriov(), VfGrouping::Pool), VfGrouping::Pool);
        QCOMPARE(QString::fromUtf8(Export::TableCsv::toCsv(model)),
                 u"Pool,Allocated,Free,Not created,Total,PFs without totalVfs\r\n"
                 "(no pool),2,0,0,2,1\r\n"
                 "openshift.io/intel_sriov_netdevice,1,3,20,24,0\r\n"
                 "openshift.io/mlnx_sriov_rdma,1,2,5,8,0\r\n"_qs);
    }
};

QTEST_GUILESS_MAIN(TestVfAllocation)
#include "tst_vfallocation.moc"
