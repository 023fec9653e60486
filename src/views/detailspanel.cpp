// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/detailspanel.h"

#include "model/topologymodel.h"
#include "views/detailshtml.h"

#include <QScrollBar>

namespace Specula::Views {

DetailsPanel::DetailsPanel(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("detailsPanel"));
    setOpenLinks(false);
    // Keyboard users can move into the panel, scroll it and select text to copy.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(tr("Details of the selected item"));
    showItem({}, {});
}

DetailsPanel::~DetailsPanel() = default;

void DetailsPanel::showItem(const Model::ClusterSnapshot &snapshot, const QModelIndex &index)
{
    using Type = Model::TopologyModel::ItemType;
    QString html;
    if (index.isValid()) {
        const auto type = Type(index.data(Model::TopologyModel::TypeRole).toInt());
        const QString node = index.data(Model::TopologyModel::NodeRole).toString();
        const QString id = index.data(Model::TopologyModel::IdRole).toString();
        switch (type) {
        case Type::Cluster:
            html = DetailsHtml::cluster(snapshot);
            break;
        case Type::Node:
            html = DetailsHtml::node(snapshot, node);
            break;
        case Type::Gpu:
        case Type::MigDevice:
            html = DetailsHtml::gpuDevice(snapshot, node, id);
            break;
        case Type::GpuResource:
            html = DetailsHtml::gpuResource(snapshot, node, id);
            break;
        case Type::Pf:
            html = DetailsHtml::pf(snapshot, node, id);
            break;
        case Type::Vf:
            html = DetailsHtml::vf(snapshot, node, id);
            break;
        case Type::Pod:
            html = DetailsHtml::pod(snapshot, id);
            break;
        }
    }
    if (html.isEmpty())
        html = QStringLiteral("<p>") + tr("Select a node, device, NIC or pod to see its details.").toHtmlEscaped()
            + QStringLiteral("</p>");
    // A live update re-renders the same item: keep the reader's place.
    const QString key = index.data(Model::TopologyModel::KeyRole).toString();
    const int scroll = key == m_key ? verticalScrollBar()->value() : 0;
    m_key = key;
    setHtml(html);
    verticalScrollBar()->setValue(scroll);
}

} // namespace Specula::Views
