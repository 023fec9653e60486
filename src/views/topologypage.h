// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTreeView;

namespace Specula::Model {
class TopologyModel;
}

namespace Specula::Views {

class DetailsPanel;
class TopologyMapPanel;

// The device topology: the map of nodes with their GPUs and NICs beside a tree of nodes, GPUs,
// MIG devices, PFs, VFs and the pods that hold them, above a panel with everything about the
// selected item. One filter field searches both; the map and the tree share the selection. The
// model keeps its items across live updates, so selection and expansion survive them.
class TopologyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyPage)

public:
    // Clusters with at most this many nodes open with every node expanded.
    static constexpr int ExpandNodesUpTo = 12;

    explicit TopologyPage(Model::TopologyModel *model, QWidget *parent = nullptr);
    ~TopologyPage() override;

    // `reset` is for a switch to another cluster.
    void showSnapshot(const Model::ClusterSnapshot &snapshot, bool reset);

    QTreeView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    DetailsPanel *details() const { return m_details; }
    TopologyMapPanel *map() const { return m_map; }
    void setFilterText(const QString &text);
    // The window's namespace filter, for the map: only nodes with a device held in it.
    void setNamespaceFilter(const QString &ns);
    // Selects and shows the item with this TopologyModel key; false when there is none.
    bool selectKey(const QString &key);

private:
    void currentChanged();
    void updateDetails();
    void expandDefault();
    void filterChanged(const QString &text);
    void updateCount();

    Model::TopologyModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QSplitter *m_splitter;
    TopologyMapPanel *m_map;
    QSplitter *m_treeSplitter;
    QTreeView *m_view;
    DetailsPanel *m_details;
    Model::ClusterSnapshot m_snapshot;
};

} // namespace Specula::Views
