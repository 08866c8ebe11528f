"""Chart builders: matplotlib Figures (never pyplot), Qt-free, shared by the GUI and the PDF."""
