// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/nodenamespacefilter.h"

namespace Specula::Model {

NodeNamespaceFilter::NodeNamespaceFilter(int nodeRole, int poolRole, int namespacesRole, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_nodeRole(nodeRole)
    , m_poolRole(poolRole)
    , m_namespacesRole(namespacesRole)
{
    // Rows that start or stop matching on a live update come and go with it.
    setDynamicSortFilter(true);
}

NodeNamespaceFilter::~NodeNamespaceFilter() = default;

void NodeNamespaceFilter::setNode(const QString &node)
{
    if (node == m_node)
        return;
    m_node = node;
    invalidateRowsFilter();
}

void NodeNamespaceFilter::setPool(const std::optional<QString> &pool)
{
    if (pool == m_pool)
        return;
    m_pool = pool;
    invalidateRowsFilter();
}

void NodeNamespaceFilter::setNamespace(const QString &ns)
{
    if (ns == m_namespace)
        return;
    m_namespace = ns;
    invalidateRowsFilter();
}

bool NodeNamespaceFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_node.isEmpty() && index.data(m_nodeRole).toString() != m_node)
        return false;
    if (m_pool && index.data(m_poolRole).toString() != *m_pool)
        return false;
    if (!m_namespace.isEmpty() && !index.data(m_namespacesRole).toStringList().contains(m_namespace))
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

void NodeNamespaceFilter::setLessThan(std::function<bool(int, int, int)> lessThan)
{
    m_lessThan = std::move(lessThan);
    invalidate();
}

bool NodeNamespaceFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return m_lessThan ? m_lessThan(left.row(), right.row(), left.column())
                      : QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Specula::Model
