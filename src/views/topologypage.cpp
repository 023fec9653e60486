// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/topologypage.h"

#include "model/resourcetext.h"
#include "model/topologymodel.h"
#include "views/detailspanel.h"
#include "views/topologymappanel.h"
#include "views/topologymapview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace Specula::Views {
namespace {

// Filtering expands every match only while the tree is small enough to expand quickly.
constexpr int ExpandMatchesUpTo = 5000;

// Sorts by the model's own comparison instead of its sort role's values.
class TopologySortProxy final : public QSortFilterProxyModel
{
public:
    TopologySortProxy(Model::TopologyModel *model, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_model(model)
    {
        setSourceModel(model);
        setSortRole(Model::TopologyModel::SortRole);
    }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        return m_model->lessThan(left, right);
    }

private:
    Model::TopologyModel *m_model;
};

} // namespace

TopologyPage::TopologyPage(Model::TopologyModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new TopologySortProxy(model, this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_map(new TopologyMapPanel(m_splitter))
    , m_treeSplitter(new QSplitter(Qt::Vertical, m_splitter))
    , m_view(new QTreeView(m_treeSplitter))
    , m_details(new DetailsPanel(m_treeSplitter))
{
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    // A match deep in the tree keeps the path to it; a matching node keeps all it holds.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_proxy->setDynamicSortFilter(true);

    m_filter->setObjectName(QStringLiteral("topologyFilter"));
    m_count->setObjectName(QStringLiteral("topologyCount"));
    m_filter->setPlaceholderText(tr("Filter by node, device, UUID, PCI address or pod"));
    m_filter->setToolTip(tr("Show only items that contain this text, with the path to them (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &TopologyPage::filterChanged);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(find);

    m_view->setObjectName(QStringLiteral("topologyView"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(Model::TopologyModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_view->setToolTip(tr("Nodes, their GPUs and NICs, and the pods that hold them. "
                          "Arrow keys move and expand; the details follow the selection."));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TopologyPage::currentChanged);
    // A click on the map selects the same item in the tree, which the map then follows.
    connect(m_map, &TopologyMapPanel::keySelected, this, [this](const QString &key) {
        if (!key.isEmpty())
            selectKey(key);
    });
    connect(m_map, &TopologyMapPanel::mapShown, this, [this] {
        m_map->view()->selectKey(m_view->currentIndex().data(Model::TopologyModel::KeyRole).toString());
    });

    m_treeSplitter->addWidget(m_view);
    m_treeSplitter->addWidget(m_details);
    m_treeSplitter->setStretchFactor(0, 3);
    m_treeSplitter->setStretchFactor(1, 2);
    m_treeSplitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_map);
    m_splitter->addWidget(m_treeSplitter);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_splitter, 1);
    setTabOrder(m_filter, m_map);
    setTabOrder(m_map, m_view);
    setTabOrder(m_view, m_details);

    // Expansion waits for the view to have processed the rows.
    connect(m_proxy, &QAbstractItemModel::modelReset, this,
            [this] { QTimer::singleShot(0, this, &TopologyPage::expandDefault); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
        if (!parent.isValid())
            QTimer::singleShot(0, this, &TopologyPage::expandDefault);
    });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &TopologyPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TopologyPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TopologyPage::updateCount);
    updateCount();
}

TopologyPage::~TopologyPage() = default;

void TopologyPage::showSnapshot(const Model::ClusterSnapshot &snapshot, bool reset)
{
    m_snapshot = snapshot;
    m_model->setSnapshot(snapshot, reset);
    m_map->setSnapshot(snapshot, reset);
    updateDetails();
}

void TopologyPage::setNamespaceFilter(const QString &ns)
{
    m_map->setNamespaceFilter(ns);
}

void TopologyPage::currentChanged()
{
    m_map->view()->selectKey(m_view->currentIndex().data(Model::TopologyModel::KeyRole).toString());
    updateDetails();
}

void TopologyPage::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

bool TopologyPage::selectKey(const QString &key)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfKey(key));
    if (!index.isValid())
        return false;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_view->expand(parent);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void TopologyPage::updateDetails()
{
    m_details->showItem(m_snapshot, m_view->currentIndex());
}

void TopologyPage::expandDefault()
{
    const QModelIndex cluster = m_proxy->index(0, 0);
    if (!cluster.isValid())
        return;
    m_view->expand(cluster);
    const int nodes = m_proxy->rowCount(cluster);
    if (nodes <= ExpandNodesUpTo) {
        for (int row = 0; row < nodes; ++row)
            m_view->expand(m_proxy->index(row, 0, cluster));
    }
    m_view->resizeColumnToContents(Model::TopologyModel::NameColumn);
}

void TopologyPage::filterChanged(const QString &text)
{
    m_proxy->setFilterFixedString(text);
    m_map->setSearch(text);
    if (text.isEmpty()) {
        expandDefault();
    } else if (m_model->itemCount() <= ExpandMatchesUpTo) {
        m_view->expandAll();
    }
    if (m_view->currentIndex().isValid())
        m_view->scrollTo(m_view->currentIndex());
}

void TopologyPage::updateCount()
{
    const QModelIndex cluster = m_proxy->index(0, 0);
    const int shown = cluster.isValid() ? m_proxy->rowCount(cluster) : 0;
    const QModelIndex sourceCluster = m_model->index(0, 0);
    const int total = sourceCluster.isValid() ? m_model->rowCount(sourceCluster) : 0;
    m_count->setText(shown == total ? Model::ResourceText::plural(tr("%n node(s)", nullptr, total), total)
                                    : tr("%1 of %2 nodes").arg(shown).arg(total));
}

} // namespace Specula::Views
