// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/topologymappanel.h"

#include "core/offthread.h"
#include "export/imagefile.h"
#include "export/tablecsv.h"
#include "model/resourcetext.h"
#include "model/topologymappainter.h"
#include "views/topologymapview.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace Specula::Views {
namespace {

std::optional<QString> messageOf(const std::optional<Core::Error> &error)
{
    return error ? std::optional(error->toString()) : std::nullopt;
}

QToolButton *toolButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

TopologyMapPanel::TopologyMapPanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new TopologyMapView(this))
    , m_coloring(new QComboBox(this))
    , m_selector(new QLineEdit(this))
    , m_legend(new QLabel(this))
    , m_status(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("topologyMap"));
    m_coloring->setObjectName(QStringLiteral("topologyColoring"));
    m_selector->setObjectName(QStringLiteral("topologySelector"));
    m_status->setObjectName(QStringLiteral("topologyMapStatus"));
    for (const auto coloring : Model::TopologyMap::colorings())
        m_coloring->addItem(Model::TopologyMap::title(coloring), int(coloring));
    m_coloring->setToolTip(tr("Colour GPUs and MIG slices by allocation or by their latest reading"));
    connect(m_coloring, &QComboBox::activated, this,
            [this](int index) { setColoring(Model::MapColoring(m_coloring->itemData(index).toInt())); });

    m_selector->setPlaceholderText(tr("Node labels, e.g. nvidia.com/gpu.product=NVIDIA-A100-SXM4-80GB"));
    m_selector->setToolTip(tr("Show only nodes whose labels match this selector: key=value, key!=value, "
                              "key in (a,b), key, !key, joined by commas"));
    m_selector->setClearButtonEnabled(true);
    connect(m_selector, &QLineEdit::textChanged, this, [this](const QString &text) { setSelector(text); });

    auto *fit = toolButton(tr("Fit"), tr("Zoom to show the whole cluster (0)"), this);
    auto *zoomIn = toolButton(QStringLiteral("+"), tr("Zoom in (+ or the wheel)"), this);
    auto *zoomOut = toolButton(QStringLiteral("−"), tr("Zoom out (- or the wheel)"), this);
    connect(fit, &QToolButton::clicked, m_view, &TopologyMapView::fitAll);
    connect(zoomIn, &QToolButton::clicked, m_view, [this] { m_view->zoomBy(1.5); });
    connect(zoomOut, &QToolButton::clicked, m_view, [this] { m_view->zoomBy(1 / 1.5); });

    const std::pair<ExportTarget, QString> exports[]
        = { { ExportTarget::MapPng, tr("Map as PNG…") }, { ExportTarget::MapCsv, tr("Devices as CSV…") } };
    auto *exportMenu = new QMenu(this);
    for (const auto &[target, text] : exports) {
        auto *action = new QAction(text, this);
        connect(action, &QAction::triggered, this, [this, target = target] { askAndExport(target); });
        exportMenu->addAction(action);
        m_exportActions.append(action);
    }
    auto *exportButton = toolButton(tr("Export"), tr("Save the whole map as PNG, or every device on it as CSV"), this);
    exportButton->setMenu(exportMenu);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(m_exportActions);

    connect(m_view, &TopologyMapView::keySelected, this, &TopologyMapPanel::keySelected);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Colour by"), this));
    controls->addWidget(m_coloring);
    controls->addWidget(m_selector, 1);
    controls->addWidget(zoomOut);
    controls->addWidget(zoomIn);
    controls->addWidget(fit);
    controls->addWidget(exportButton);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_legend, 1);
    footer->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    layout->addLayout(footer);
    updateLegend();
}

TopologyMapPanel::~TopologyMapPanel() = default;

void TopologyMapPanel::setSnapshot(const Model::ClusterSnapshot &snapshot, bool reset)
{
    m_snapshot = snapshot;
    m_fitNext = m_fitNext || reset;
    requestLayout();
}

void TopologyMapPanel::setSearch(const QString &text)
{
    m_options.search = text.trimmed();
    requestLayout();
}

void TopologyMapPanel::setNamespaceFilter(const QString &ns)
{
    m_options.namespaceName = ns;
    requestLayout();
}

void TopologyMapPanel::setColoring(Model::MapColoring coloring)
{
    m_options.coloring = coloring;
    m_coloring->setCurrentIndex(m_coloring->findData(int(coloring)));
    requestLayout();
}

std::optional<QString> TopologyMapPanel::setSelector(const QString &text)
{
    if (m_selector->text() != text)
        m_selector->setText(text); // comes back here through textChanged
    auto parsed = Kube::LabelSelector::parse(text.trimmed());
    if (!parsed) {
        m_selectorError = tr("Label selector not used: %1").arg(parsed.error().message);
        QPalette warning = m_selector->palette();
        warning.setColor(QPalette::Text, Qt::red);
        m_selector->setPalette(warning);
        m_status->setText(statusText());
        return parsed.error().message;
    }
    m_selectorError.clear();
    m_selector->setPalette(QPalette());
    m_options.selector = parsed.value();
    requestLayout();
    return std::nullopt;
}

QString TopologyMapPanel::statusText() const
{
    if (!m_selectorError.isEmpty())
        return m_selectorError;
    const auto &map = m_view->map();
    const QLocale locale;
    if (map.nodes().size() == map.totalNodes())
        return Model::ResourceText::plural(tr("%n node(s)", nullptr, map.totalNodes()), map.totalNodes());
    return tr("%1 of %2 nodes").arg(locale.toString(map.nodes().size()), locale.toString(map.totalNodes()));
}

void TopologyMapPanel::requestLayout()
{
    if (m_building) {
        m_buildAgain = true;
        return;
    }
    m_building = true;
    Core::buildOffThread(
        this,
        [snapshot = m_snapshot, options = m_options, previous = m_view->map()] {
            return Model::TopologyMap::build(snapshot, options, previous);
        },
        [this](Model::TopologyMap map) {
            m_building = false;
            if (m_buildAgain) {
                m_buildAgain = false;
                requestLayout();
                return;
            }
            showMap(std::move(map));
        });
}

void TopologyMapPanel::showMap(Model::TopologyMap map)
{
    const bool fit = m_fitNext && !map.nodes().isEmpty();
    m_view->setMap(std::move(map), fit);
    if (fit)
        m_fitNext = false;
    m_status->setText(statusText());
    updateLegend();
    Q_EMIT mapShown();
}

void TopologyMapPanel::updateLegend()
{
    const Model::TopologyMapPainter &painter = m_view->painter();
    const qreal ratio = devicePixelRatioF();
    const QSize size(640, int(painter.legendHeight()));
    QImage image(size * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    QPainter p(&image);
    painter.paintLegend(p, QRectF(QPointF(0, 0), size));
    p.end();
    m_legend->setPixmap(QPixmap::fromImage(image));
}

QAction *TopologyMapPanel::exportAction(ExportTarget target) const
{
    return m_exportActions.at(int(target));
}

std::optional<QString> TopologyMapPanel::exportTo(ExportTarget target, const QString &path) const
{
    switch (target) {
    case ExportTarget::MapPng:
        return messageOf(Export::ImageFile::writePng(path, m_view->painter().image(kExportWidth, devicePixelRatioF())));
    case ExportTarget::MapCsv:
        return messageOf(Export::TableCsv::writeFile(path, *m_view->map().cellTable()));
    }
    return std::nullopt;
}

void TopologyMapPanel::askAndExport(ExportTarget target)
{
    const bool png = target == ExportTarget::MapPng;
    const QString path
        = QFileDialog::getSaveFileName(this, exportAction(target)->text().remove(QStringLiteral("…")),
                                       png ? QStringLiteral("topology.png") : QStringLiteral("topology.csv"),
                                       png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const auto error = exportTo(target, path))
        QMessageBox::warning(this, tr("Export failed"), *error);
}

} // namespace Specula::Views
