// SPDX-License-Identifier: GPL-3.0-or-later
#include "../model/testsnapshots.h"
#include "model/topologymodel.h"
#include "views/detailshtml.h"
#include "views/detailspanel.h"
#include "views/topologypage.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

using namespace Specula;

namespace {

const QString kNodeA = u"cluster|node:gpu-a"_qs;
const QString kNodeB = u"cluster|node:gpu-b"_qs;
const QString kPf = u"cluster|node:sriov-0|pf:0000:3b:00.0"_qs;
const QString kVf0 = kPf + u"|vf:0000:3b:02.0"_qs;

} // namespace

class TestTopologyPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<Model::TopologyModel>();
        m_page = std::make_unique<Views::TopologyPage>(m_model.get());
        m_page->resize(1000, 600);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_page->showSnapshot(TestSnapshots::topology(), true);
        // The page expands the tree once the view has the rows.
        QTRY_VERIFY(m_page->view()->isExpanded(m_page->proxy()->index(0, 0)));
    }

    void cleanup()
    {
        m_page.reset();
        m_model.reset();
    }

    void showsTheTreeExpandedToItsNodes()
    {
        auto *view = m_page->view();
        auto *proxy = m_page->proxy();
        QCOMPARE(proxy->rowCount(), 1);
        const QModelIndex cluster = proxy->index(0, 0);
        QCOMPARE(cluster.data().toString(), u"lab"_qs);
        QCOMPARE(proxy->rowCount(cluster), 3);
        // A small cluster opens with its nodes expanded, the devices below them closed.
        QVERIFY(view->isExpanded(cluster));
        for (int row = 0; row < 3; ++row)
            QVERIFY(view->isExpanded(proxy->index(row, 0, cluster)));
        QVERIFY(!view->isExpanded(proxy->mapFromSource(m_model->indexOfKey(kPf))));
        QVERIFY(view->visualRect(proxy->mapFromSource(m_model->indexOfKey(kPf))).isValid());
        QVERIFY(m_page->details()->toPlainText().contains(u"Select a node"_qs));
    }

    void detailsOfAVfNameTheHoldingPod()
    {
        QVERIFY(m_page->selectKey(kVf0));
        const QString text = m_page->details()->toPlainText();
        QVERIFY2(text.contains(u"Held by"_qs) && text.contains(u"telco/cnf-0"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"net1"_qs) && text.contains(u"telco/sriov-intel-net"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"0000:3b:02.0"_qs) && text.contains(u"ens1f0 (0000:3b:00.0)"_qs), qPrintable(text));
        // The path to it was opened so that it can be seen.
        QVERIFY(m_page->view()->isExpanded(m_page->proxy()->mapFromSource(m_model->indexOfKey(kPf))));
    }

    void detailsOfEveryKindOfItem_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("expected");

        QTest::addRow("cluster") << u"cluster"_qs
                                 << QStringList { u"Cluster lab"_qs, u"https://127.0.0.1:6443"_qs,
                                                  u"Nodes with GPUs\t2"_qs };
        QTest::addRow("node with MIG profiles") << kNodeB
                                                << QStringList { u"Node gpu-b"_qs,
                                                                 u"MIG strategy\tmixed"_qs,
                                                                 u"MIG profiles"_qs,
                                                                 u"1g.10gb\tnvidia.com/mig-1g.10gb\t7\t9728 MiB\t14"_qs,
                                                                 u"nvidia.com/mig-1g.10gb\tMIG\t1\t7\t6\t7"_qs,
                                                                 u"example.com/fpga\tother"_qs };
        QTest::addRow("node with SR-IOV")
            << u"cluster|node:sriov-0"_qs
            << QStringList { u"Sync status\tSucceeded"_qs, u"ens1f0\t0000:3b:00.0\ti40e\t25 Gb/s\t4/64\t1"_qs,
                             u"NICs without SR-IOV: eno1 (0000:01:00.0)"_qs };
        QTest::addRow("GPU") << kNodeA + u"|gpu:GPU-1111"_qs
                             << QStringList { u"GPU 1 on gpu-a"_qs, u"UUID\tGPU-1111"_qs, u"PCI bus\t0000:86:00.0"_qs,
                                              u"Model\tNVIDIA-A100-SXM4-80GB"_qs, u"Pods\tml/infer-0"_qs };
        QTest::addRow("MIG device") << kNodeA + u"|gpu:GPU-0000|mig:MIG-aaaa"_qs
                                    << QStringList { u"MIG profile\t1g.10gb"_qs, u"MIG instance\t7"_qs,
                                                     u"Parent GPU\tGPU-0000"_qs, u"ml/train-0 (trainer)"_qs };
        QTest::addRow("free MIG device") << kNodeA + u"|gpu:GPU-0000|mig:MIG-bbbb"_qs
                                         << QStringList { u"none: the device is free"_qs };
        QTest::addRow("GPU resource") << kNodeB + u"|res:nvidia.com/mig-1g.10gb"_qs
                                      << QStringList { u"Free\t6"_qs, u"MIG profile\t1g.10gb"_qs,
                                                       u"ml/notebook\t1\tRunning"_qs };
        QTest::addRow("PF") << kPf
                            << QStringList { u"Vendor:device\t8086:158b"_qs, u"Link\t25 Gb/s"_qs, u"VFs\t4/64"_qs,
                                             u"Pool\topenshift.io/intel_sriov_netdevice"_qs,
                                             u"0\t0000:3b:02.0\tiavf\t100\ta6:1b:5c:88:0e:00\ttelco/cnf-0 (net1)"_qs };
        QTest::addRow("free VF") << kPf + u"|vf:0000:3b:02.3"_qs << QStringList { u"nobody: the VF is free"_qs };
        QTest::addRow("pod") << kVf0 + u"|pod:telco/cnf-0"_qs
                             << QStringList { u"Pod cnf-0"_qs, u"openshift.io/intel_sriov_netdevice: 1"_qs,
                                              u"VFs\t0000:3b:02.0"_qs };
    }

    void detailsOfEveryKindOfItem()
    {
        QFETCH(QString, key);
        QFETCH(QStringList, expected);
        QVERIFY(m_page->selectKey(key));
        const QString text = m_page->details()->toPlainText();
        // Table cells come out one per line; the table writes them with tabs for readability.
        for (auto part : expected)
            QVERIFY2(text.contains(part.replace(u'\t', u'\n')), qPrintable(part + u"\n--- not in ---\n"_qs + text));
    }

    void pendingPodSaysWhyAndSinceWhen()
    {
        auto snapshot = TestSnapshots::topology();
        auto waiting = TestSnapshots::pod(u"ml"_qs, u"big-0"_qs, {}, { { u"nvidia.com/gpu"_qs, 8 } });
        waiting.phase = u"Pending"_qs;
        snapshot.collectedAt = QDateTime(QDate(2026, 1, 1), QTime(12, 30), Qt::UTC);
        waiting.pending = Model::PendingReason { u"Unschedulable"_qs, u"0/3 nodes are available"_qs,
                                                 QDateTime(QDate(2026, 1, 1), QTime(12, 15), Qt::UTC) };
        snapshot.pods.insert(0, waiting);
        QTextDocument document;
        document.setHtml(Views::DetailsHtml::pod(snapshot, u"ml/big-0"_qs));
        const QString text = document.toPlainText();
        for (const auto &part : { u"Pod big-0"_qs, u"Node\t–"_qs, u"nvidia.com/gpu: 8"_qs,
                                  u"Waiting because\tUnschedulable: 0/3 nodes are available"_qs,
                                  u"Waiting since\t2026-01-01T12:15:00Z (15 minutes)"_qs }) {
            const QString lines = QString(part).replace(u'\t', u'\n');
            QVERIFY2(text.contains(lines), qPrintable(part + u"\n--- not in ---\n"_qs + text));
        }
        // A pod that is gone gives no details rather than stale ones.
        QVERIFY(Views::DetailsHtml::pod(snapshot, u"ml/gone"_qs).isEmpty());
    }

    void selectionAndExpansionSurviveLiveUpdates()
    {
        auto *view = m_page->view();
        auto *proxy = m_page->proxy();
        const QString selected = kNodeA + u"|gpu:GPU-0000|mig:MIG-bbbb"_qs;
        QVERIFY(m_page->selectKey(selected));
        const QModelIndex nodeB = proxy->mapFromSource(m_model->indexOfKey(kNodeB));
        view->collapse(nodeB);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);

        // A pod appears on gpu-b, VF 0 is freed, a node joins ahead of the others.
        auto snapshot = TestSnapshots::topology();
        snapshot.nodes[1].pods.append(u"ml/notebook-2"_qs);
        snapshot.pods.append(
            TestSnapshots::pod(u"ml"_qs, u"notebook-2"_qs, u"gpu-b"_qs, { { u"nvidia.com/mig-1g.10gb"_qs, 1 } }));
        snapshot.nodes[2].sriov->pfs[1].vfs[0].pod.reset();
        Model::NodeSummary cpu;
        cpu.name = u"cpu-0"_qs;
        snapshot.nodes.prepend(cpu);
        m_page->showSnapshot(snapshot, false);

        QCOMPARE(resets.size(), 0);
        QCOMPARE(view->currentIndex().data(Model::TopologyModel::KeyRole).toString(), selected);
        QVERIFY(view->selectionModel()->isSelected(view->currentIndex()));
        QVERIFY(!view->isExpanded(proxy->mapFromSource(m_model->indexOfKey(kNodeB))));
        QVERIFY(view->isExpanded(proxy->mapFromSource(m_model->indexOfKey(kNodeA + u"|gpu:GPU-0000"_qs))));
        QVERIFY(m_page->details()->toPlainText().contains(u"MIG-bbbb"_qs));

        // The details follow the data of the selected item.
        QVERIFY(m_page->selectKey(kVf0));
        QVERIFY(m_page->details()->toPlainText().contains(u"nobody: the VF is free"_qs));
    }

    void filterKeepsThePathToMatches()
    {
        m_page->setFilterText(u"cnf-0"_qs);
        auto *proxy = m_page->proxy();
        const QModelIndex cluster = proxy->index(0, 0);
        QCOMPARE(proxy->rowCount(cluster), 1);
        const QModelIndex node = proxy->index(0, 0, cluster);
        QCOMPARE(node.data().toString(), u"sriov-0"_qs);
        const QModelIndex vf = proxy->mapFromSource(m_model->indexOfKey(kVf0));
        QVERIFY(vf.isValid());
        QCOMPARE(proxy->rowCount(vf.parent()), 1); // only the VF the pod holds
        // Matches are opened so that they can be seen.
        QVERIFY(m_page->view()->isExpanded(vf));
        QVERIFY(!proxy->mapFromSource(m_model->indexOfKey(kNodeA)).isValid());
        auto *count = m_page->findChild<QLabel *>(u"topologyCount"_qs);
        QVERIFY(count);
        QCOMPARE(count->text(), u"1 of 3 nodes"_qs);

        m_page->setFilterText(QString());
        QCOMPARE(proxy->rowCount(cluster), 3);
        QCOMPARE(count->text(), u"3 nodes"_qs);
    }

    void keyboardMovesTheSelectionAndTheDetailsFollow()
    {
        auto *view = m_page->view();
        view->setFocus();
        QVERIFY(m_page->selectKey(kNodeA));
        QTest::keyClick(view, Qt::Key_Down); // the node's first child: GPU 0
        QCOMPARE(view->currentIndex().data(Model::TopologyModel::KeyRole).toString(), kNodeA + u"|gpu:GPU-0000"_qs);
        QVERIFY(m_page->details()->toPlainText().contains(u"UUID\nGPU-0000"_qs));
        QTest::keyClick(view, Qt::Key_Right); // expands it
        QVERIFY(view->isExpanded(view->currentIndex()));

        // Ctrl+F goes to the filter.
        QTest::keySequence(view, QKeySequence::Find);
        auto *filter = m_page->findChild<QLineEdit *>(u"topologyFilter"_qs);
        QVERIFY(filter);
        QTRY_VERIFY(filter->hasFocus());
    }

private:
    std::unique_ptr<Model::TopologyModel> m_model;
    std::unique_ptr<Views::TopologyPage> m_page;
};

QTEST_MAIN(TestTopologyPage)
#include "tst_topologypage.moc"
