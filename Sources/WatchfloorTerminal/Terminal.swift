import CNcursesw
import WatchfloorUI
